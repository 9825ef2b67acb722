def forward(x):
    return torch.where((x != x), x, torch.where((x <= -3.0), 0.0, torch.where((x >= 3.0), 1.0, ((x / 6.0) + 0.5))))

def backward(x, gy):
    t0 = (gy * 0.0)
    return torch.where((x != x), (gy * x), torch.where((x <= -3.0), t0, torch.where((x >= 3.0), t0, (gy * 0.16666666666666666))))

def second_x_x(x, gy, gg):
    return (gg * (gy * torch.where((x != x), x, 0.0)))
