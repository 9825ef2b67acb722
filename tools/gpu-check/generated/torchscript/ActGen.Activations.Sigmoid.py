def forward(x):
    return torch.sigmoid(x)

def backward(y, gy):
    return (gy * (y * (1.0 - y)))

def second_x_x(y, gy, gg):
    return (gg * (gy * ((1.0 - y) - y)))
