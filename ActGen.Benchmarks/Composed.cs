using System;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>
/// Each catalog formula written with TorchSharp ops and left to autograd, as a user without ActGen would:
/// piecewise definitions become <c>where</c>, elementary functions their torch op.
/// </summary>
public static class Composed
{
    public static Tensor Sigmoid(Tensor x) => 1.0 / (1.0 + exp(-x));

    public static Tensor Tanh(Tensor x)
    {
        var (p, m) = (exp(x), exp(-x));
        return (p - m) / (p + m);
    }

    public static Tensor Relu(Tensor x) => where(x > 0, x, 0.0);

    public static Tensor LeakyRelu(Tensor x, double slope) => where(x > 0, x, slope * x);

    public static Tensor PRelu(Tensor x, Tensor weight) => where(x > 0, x, weight * x);

    public static Tensor RRelu(Tensor x, double lower, double upper)
    {
        var slope = empty_like(x).uniform_(lower, upper);
        return where(x > 0, x, slope * x);
    }

    public static Tensor Elu(Tensor x, double alpha) => where(x > 0, x, alpha * (exp(x) - 1.0));

    public static Tensor Selu(Tensor x, double scale, double alpha) => scale * where(x > 0, x, alpha * (exp(x) - 1.0));

    public static Tensor Celu(Tensor x, double alpha) => where(x > 0, x, alpha * (exp(x / alpha) - 1.0));

    public static Tensor Gelu(Tensor x) => 0.5 * x * (1.0 + erf(x / Math.Sqrt(2)));

    public static Tensor GeluTanh(Tensor x) => 0.5 * x * (1.0 + tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));

    public static Tensor Silu(Tensor x) => x * Sigmoid(x);

    public static Tensor Swish(Tensor x, double beta) => x * Sigmoid(beta * x);

    public static Tensor Mish(Tensor x) => x * tanh(log(1.0 + exp(x)));

    public static Tensor Softplus(Tensor x, double beta, double threshold) =>
        where(beta * x > threshold, x, log(1.0 + exp(beta * x)) / beta);

    public static Tensor Relu6(Tensor x) => clamp(x, 0.0, 6.0);

    public static Tensor HardSigmoid(Tensor x) => where(x <= -3.0, 0.0, where(x >= 3.0, 1.0, x / 6.0 + 0.5));

    public static Tensor HardSwish(Tensor x) => where(x < -3.0, 0.0, where(x <= 3.0, x * (x + 3.0) / 6.0, x));

    public static Tensor HardTanh(Tensor x, double min, double max) => where(x <= min, min, where(x >= max, max, x));

    public static Tensor Softsign(Tensor x) => x / (1.0 + abs(x));

    public static Tensor LogSigmoid(Tensor x) => -log(1.0 + exp(-x));
}
