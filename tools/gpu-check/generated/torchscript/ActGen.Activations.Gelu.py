def forward(x):
    return ((0.5 * x) * (1.0 + torch.erf((x / 1.4142135623730951))))

def backward(x, gy):
    t0 = (x / 1.4142135623730951)
    return (gy * ((0.5 * (1.0 + torch.erf(t0))) + ((0.5 * x) * (0.7978845608028653 * torch.exp((-(t0 * t0)))))))
