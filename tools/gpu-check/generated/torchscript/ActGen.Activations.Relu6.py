def forward(x):
    return torch.where((x != x), x, torch.clamp(torch.clamp(x, min=0.0), max=6.0))

def backward(x, gy):
    t0 = (gy * 0.0)
    return torch.where((x != x), (gy * x), torch.where((torch.clamp(x, min=0.0) < 6.0), torch.where((x > 0.0), (gy * 1.0), t0), t0))

def second_x_x(x, gy, gg):
    return (gg * (gy * torch.where((x != x), x, 0.0)))
