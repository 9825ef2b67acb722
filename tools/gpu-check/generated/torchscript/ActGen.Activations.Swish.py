def forward(x, beta: float):
    return (x * torch.sigmoid((beta * x)))

def backward(x, gy, beta: float):
    t0 = (beta * x)
    t1 = torch.sigmoid(t0)
    return (gy * (t1 + (x * ((t1 * (1.0 - t1)) * beta))))
