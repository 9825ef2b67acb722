def forward(x):
    return (x / (1.0 + torch.abs(x)))

def backward(x, gy):
    t0 = torch.abs(x)
    t1 = (1.0 + t0)
    return (gy * ((1.0 / t1) - ((x / t1) * (torch.where((x > 0.0), 1.0, torch.where((x < 0.0), -1.0, (x * 0.0))) / t1))))

def second_x_x(x, gy, gg):
    t0 = torch.abs(x)
    t1 = torch.where((x > 0.0), 1.0, torch.where((x < 0.0), -1.0, (x * 0.0)))
    t2 = (1.0 + t0)
    t3 = (1.0 / t2)
    t4 = (t1 / t2)
    t5 = (x / t2)
    return (gg * (gy * ((-(t3 * t4)) - (((t3 - (t5 * t4)) * t4) - (t5 * (t4 * t4))))))
