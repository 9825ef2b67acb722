def forward(x):
    return torch.where((x != x), x, torch.where((x <= -3.0), 0.0, torch.where((x < 3.0), ((x * (x + 3.0)) / 6.0), x)))

def backward(x, gy):
    return torch.where((x != x), (gy * x), torch.where((x <= -3.0), (gy * 0.0), torch.where((x < 3.0), (gy * (((x + 3.0) + x) / 6.0)), (gy * 1.0))))

def second_x_x(x, gy, gg):
    return (gg * (gy * torch.where((x != x), x, torch.where((x <= -3.0), 0.0, torch.where((x < 3.0), 0.3333333333333333, torch.where((x < 3.0), x, 0.0))))))
