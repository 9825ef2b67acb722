def forward(x):
    return ((2.0 * torch.sigmoid(x)) - 1.0)

def backward(x, gy):
    t0 = torch.sigmoid(x)
    return (gy * (2.0 * (t0 * (1.0 - t0))))
