def forward(x):
    return torch.where((x != x), x, (1.0507009873554805 * torch.where((x > 0.0), x, (1.6732632423543772 * torch.expm1(x)))))

def backward(x, gy):
    return torch.where((x != x), (gy * x), (gy * (1.0507009873554805 * torch.where((x > 0.0), 1.0, (1.6732632423543772 * torch.exp(x))))))

def second_x_x(x, gy, gg):
    return (gg * (gy * torch.where((x != x), x, (1.0507009873554805 * torch.where((x > 0.0), 0.0, (1.6732632423543772 * torch.exp(x)))))))
