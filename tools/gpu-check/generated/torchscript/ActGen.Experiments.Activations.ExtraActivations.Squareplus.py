def forward(x, b: float):
    return (0.5 * (x + torch.sqrt(((x * x) + b))))

def backward(x, gy, b: float):
    return (gy * (0.5 * (1.0 + ((0.5 / torch.sqrt(((x * x) + b))) * (x + x)))))

def second_x_x(x, gy, gg, b: float):
    t0 = (x * x)
    t1 = (t0 + b)
    t2 = torch.sqrt(t1)
    t3 = (0.5 / t2)
    t4 = (x + x)
    return (gg * (gy * (0.5 * ((2.0 * t3) - ((t3 * ((t3 * t4) / t2)) * t4)))))
