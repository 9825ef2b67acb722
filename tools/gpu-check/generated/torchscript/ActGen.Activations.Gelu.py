def forward(x):
    return ((0.5 * x) * (1.0 + torch.erf((x / 1.4142135623730951))))

def backward(x, gy):
    t0 = (x / 1.4142135623730951)
    return (gy * ((0.5 * (1.0 + torch.erf(t0))) + ((0.5 * x) * (0.7978845608028653 * torch.exp((-(t0 * t0)))))))

def second_x_x(x, gy, gg):
    t0 = (x / 1.4142135623730951)
    t1 = (t0 * t0)
    t2 = torch.exp((-t1))
    t3 = (0.39894228040143265 * t2)
    t4 = (0.7071067811865475 * t0)
    return (gg * (gy * (t3 + (t3 - ((0.5 * x) * (0.7978845608028653 * (t2 * (t4 + t4))))))))
