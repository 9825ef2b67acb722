def forward(x, beta: float):
    return (x * torch.sigmoid((beta * x)))

def backward(x, gy, beta: float):
    t0 = (beta * x)
    t1 = torch.sigmoid(t0)
    return (gy * (t1 + (x * ((t1 * (1.0 - t1)) * beta))))

def second_x_x(x, gy, gg, beta: float):
    t0 = (beta * x)
    t1 = torch.sigmoid(t0)
    t2 = (1.0 - t1)
    t3 = (t1 * t2)
    t4 = (t3 * beta)
    return (gg * (gy * (t4 + (t4 + (x * (((t4 * t2) - (t1 * t4)) * beta))))))
