def forward(x):
    return (x * torch.sigmoid((1.5957691216057308 * (x + (((0.044715 * x) * x) * x)))))

def backward(x, gy):
    t0 = (0.044715 * x)
    t1 = (t0 * x)
    t2 = (t1 * x)
    t3 = (x + t2)
    t4 = (1.5957691216057308 * t3)
    t5 = torch.sigmoid(t4)
    return (gy * (t5 + (x * ((t5 * (1.0 - t5)) * (1.5957691216057308 * (1.0 + (((t0 + t0) * x) + t1)))))))
