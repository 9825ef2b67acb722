def forward(x, beta: float, threshold: float):
    t0 = (beta * x)
    return torch.where((x != x), x, torch.where((t0 > threshold), x, ((torch.clamp(t0, min=0.0) + torch.log1p(torch.exp(-torch.abs(t0)))) / beta)))

def backward(x, gy, beta: float, threshold: float):
    t0 = (beta * x)
    return torch.where((x != x), (gy * x), torch.where((t0 > threshold), (gy * 1.0), (gy * torch.sigmoid(t0))))

def second_x_x(x, gy, gg, beta: float, threshold: float):
    t0 = (beta * x)
    t1 = torch.sigmoid(t0)
    return (gg * (gy * torch.where((x != x), x, torch.where((t0 > threshold), 0.0, ((t1 * (1.0 - t1)) * beta)))))
