def forward(x):
    return torch.where((x != x), x, torch.where((x > 0.0), x, 0.0))

def backward(x, gy):
    return torch.where((x != x), (gy * x), torch.where((x > 0.0), (gy * 1.0), (gy * 0.0)))

def second_x_x(x, gy, gg):
    return (gg * (gy * torch.where((x != x), x, 0.0)))
