def forward(x):
    return (x * torch.sigmoid(x))

def backward(x, gy):
    t0 = torch.sigmoid(x)
    return (gy * (t0 + (x * (t0 * (1.0 - t0)))))

def second_x_x(x, gy, gg):
    t0 = torch.sigmoid(x)
    t1 = (1.0 - t0)
    t2 = (t0 * t1)
    return (gg * (gy * (t2 + (t2 + (x * ((t2 * t1) - (t0 * t2)))))))
