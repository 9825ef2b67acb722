def forward(x):
    return (-(torch.clamp((-x), min=0.0) + torch.log1p(torch.exp(-torch.abs((-x))))))

def backward(x, gy):
    return (gy * torch.sigmoid((-x)))

def second_x_x(x, gy, gg):
    t0 = torch.sigmoid((-x))
    return (-(gg * (gy * (t0 * (1.0 - t0)))))
