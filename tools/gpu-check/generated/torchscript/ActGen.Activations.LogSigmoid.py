def forward(x):
    return (-(torch.clamp((-x), min=0.0) + torch.log1p(torch.exp(-torch.abs((-x))))))

def backward(x, gy):
    return (gy * torch.sigmoid((-x)))
