def forward(x, negativeSlope: float):
    return torch.where((x != x), x, torch.where((x > 0.0), x, (negativeSlope * x)))

def backward(x, gy, negativeSlope: float):
    return torch.where((x != x), (gy * x), torch.where((x > 0.0), (gy * 1.0), (gy * negativeSlope)))

def second_x_x(x, gy, gg, negativeSlope: float):
    return (gg * (gy * torch.where((x != x), x, 0.0)))
