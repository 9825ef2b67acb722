def forward(x):
    return (x * torch.sigmoid(x))

def backward(x, gy):
    t0 = torch.sigmoid(x)
    return (gy * (t0 + (x * (t0 * (1.0 - t0)))))
