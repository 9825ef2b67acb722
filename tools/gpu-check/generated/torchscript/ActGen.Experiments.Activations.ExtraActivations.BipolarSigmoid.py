def forward(x):
    return ((2.0 * torch.sigmoid(x)) - 1.0)

def backward(x, gy):
    t0 = torch.sigmoid(x)
    return (gy * (2.0 * (t0 * (1.0 - t0))))

def second_x_x(x, gy, gg):
    t0 = torch.sigmoid(x)
    t1 = (1.0 - t0)
    t2 = (t0 * t1)
    return (gg * (gy * (2.0 * ((t2 * t1) - (t0 * t2)))))
