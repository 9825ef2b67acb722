def forward(x, weight):
    return torch.where((x != x), x, torch.where((x > 0.0), x, (weight * x)))

def backward(x, gy, weight):
    return torch.where((x != x), (gy * x), torch.where((x > 0.0), (gy * 1.0), (gy * weight)))

def grad_0(x, gy, weight):
    t0 = (gy * x)
    return torch.where((x != x), t0, torch.where((x > 0.0), (gy * 0.0), t0))

def second_x_x(x, gy, gg, weight):
    return (gg * (gy * torch.where((x != x), x, 0.0)))

def second_x_0(x, gy, gg, weight):
    return (gg * (gy * torch.where((x != x), x, torch.where((x > 0.0), 0.0, torch.where((x > 0.0), x, 1.0)))))

def second_0_0(x, gy, gg, weight):
    return (gg * (gy * torch.where((x != x), x, 0.0)))
