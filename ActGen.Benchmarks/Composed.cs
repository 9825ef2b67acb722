using System;
using ActGen.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>
/// Each catalog formula written with TorchSharp ops and left to autograd, as a user without ActGen would:
/// piecewise definitions become <c>where</c>, elementary functions their torch op. The arithmetic is op for op what
/// TorchSharp's operators run (<c>1.0 + t</c> is <c>t.add(1.0)</c>, <c>1.0 / t</c> is <c>t.reciprocal().mul(1.0)</c>),
/// with the Scalars held (<see cref="Scalars"/>): the operators' temporaries can be finalized during the native call.
/// </summary>
public static class Composed
{
    public static Tensor Sigmoid(Tensor x) => exp(-x).Plus(K(1.0)).reciprocal().mul(K(1.0));

    public static Tensor Tanh(Tensor x)
    {
        var (p, m) = (exp(x), exp(-x));
        return (p - m) / p.Plus(m);
    }

    public static Tensor Relu(Tensor x) => where(x.gt(Scalars.Zero), x, 0.0);

    public static Tensor LeakyRelu(Tensor x, double slope) => where(x.gt(Scalars.Zero), x, x.mul(K(slope)));

    public static Tensor PRelu(Tensor x, Tensor weight) => where(x.gt(Scalars.Zero), x, weight * x);

    public static Tensor RRelu(Tensor x, double lower, double upper)
    {
        var slope = empty_like(x).uniform_(lower, upper);
        return where(x.gt(Scalars.Zero), x, slope * x);
    }

    public static Tensor Elu(Tensor x, double alpha) => where(x.gt(Scalars.Zero), x, ExpM1(x).mul(K(alpha)));

    public static Tensor Selu(Tensor x, double scale, double alpha) =>
        where(x.gt(Scalars.Zero), x, ExpM1(x).mul(K(alpha))).mul(K(scale));

    public static Tensor Celu(Tensor x, double alpha) => where(x.gt(Scalars.Zero), x, ExpM1(x.div(K(alpha))).mul(K(alpha)));

    public static Tensor Gelu(Tensor x) => x.mul(K(0.5)) * erf(x.div(K(Math.Sqrt(2)))).Plus(K(1.0));

    public static Tensor GeluTanh(Tensor x) =>
        x.mul(K(0.5)) * tanh(x.Plus(x.mul(K(0.044715)) * x * x).mul(K(Math.Sqrt(2 / Math.PI)))).Plus(K(1.0));

    public static Tensor Silu(Tensor x) => x * Sigmoid(x);

    public static Tensor Swish(Tensor x, double beta) => x * Sigmoid(x.mul(K(beta)));

    public static Tensor Mish(Tensor x) => x * tanh(log(exp(x).Plus(K(1.0))));

    public static Tensor Softplus(Tensor x, double beta, double threshold) =>
        where(x.mul(K(beta)).gt(K(threshold)), x, log(exp(x.mul(K(beta))).Plus(K(1.0))).div(K(beta)));

    public static Tensor Relu6(Tensor x) => clamp(x, K(0.0), K(6.0));

    public static Tensor HardSigmoid(Tensor x) => where(x.le(K(-3.0)), 0.0, where(x.ge(K(3.0)), 1.0, x.div(K(6.0)).Plus(K(0.5))));

    public static Tensor HardSwish(Tensor x) => where(x.lt(K(-3.0)), 0.0, where(x.le(K(3.0)), (x * x.Plus(K(3.0))).div(K(6.0)), x));

    public static Tensor HardTanh(Tensor x, double min, double max) => where(x.le(K(min)), min, where(x.ge(K(max)), max, x));

    public static Tensor Softsign(Tensor x) => x / abs(x).Plus(K(1.0));

    public static Tensor LogSigmoid(Tensor x) => -log(exp(-x).Plus(K(1.0)));

    /// <summary>exp(x) − 1.0 as the user writes it (not expm1).</summary>
    private static Tensor ExpM1(Tensor x) => exp(x).sub(K(1.0));

    private static Scalar K(double value) => Scalars.Kept(value);
}
