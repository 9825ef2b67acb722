def forward(x):
    return torch.sigmoid(x)

def backward(y, gy):
    return (gy * (y * (1.0 - y)))
