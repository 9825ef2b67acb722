using System;

namespace ActGen;

/// <summary>
/// The built-in catalog, declared with <see cref="ActivationAttribute"/> like any user activation. Names,
/// hyper-parameters and defaults follow PyTorch; at every kink the branch taken matches PyTorch's backward.
/// </summary>
public static partial class Activations
{
    private const double SeluAlpha = 1.6732632423543772848170429916717;
    private const double SeluScale = 1.0507009873554804934193349852946;

    [Activation]
    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Activation]
    public static double Tanh(double x) => Math.Tanh(x);

    [Activation]
    public static double Relu(double x) => x > 0 ? x : 0;

    [Activation]
    public static double LeakyRelu(double x, double negativeSlope = 0.01) => x > 0 ? x : negativeSlope * x;

    [Activation]
    public static double PRelu(double x, [Learnable(0.25)] double weight) => x > 0 ? x : weight * x;

    [Activation]
    public static double RRelu(double x, [Randomized(1.0 / 8, 1.0 / 3)] double slope) => x > 0 ? x : slope * x;

    [Activation]
    public static double Elu(double x, double alpha = 1.0) => x > 0 ? x : alpha * MathX.Expm1(x);

    [Activation]
    public static double Selu(double x) => SeluScale * (x > 0 ? x : SeluAlpha * MathX.Expm1(x));

    [Activation]
    public static double Celu(double x, double alpha = 1.0) => x > 0 ? x : alpha * MathX.Expm1(x / alpha);

    [Activation]
    public static double Gelu(double x) => 0.5 * x * (1 + MathX.Erf(x / Math.Sqrt(2)));

    // 0.5·x·(1 + tanh(u)) written as x·σ(2u), the same function: 1 + tanh(u) cancels for u ≪ 0 (in float32 the
    // value and gradient near x = −5 were off by 60 %), σ(2u) does not.
    [Activation]
    public static double GeluTanh(double x)
    {
        var inner = Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x);
        return x * Sigmoid(2 * inner);
    }

    [Activation]
    public static double Silu(double x) => x * Sigmoid(x);

    [Activation]
    public static double Swish(double x, double beta = 1.0) => x * Sigmoid(beta * x);

    /// <summary>
    /// x·tanh(softplus(x)), written with one exp: tanh(log(1 + e)) = n / (n + 2) = 1 − 2 / (n + 2) where
    /// n = e·(e + 2), e = eˣ. Above 0 the second form keeps the derivative free of cancellation; at or below 0 the
    /// first keeps the small forward values exact. Above 20, tanh(softplus(x)) is 1 to double precision (and eˣ
    /// would overflow the products in float).
    /// </summary>
    [Activation]
    public static double Mish(double x)
    {
        var e = Math.Exp(x);
        var n = e * (e + 2);
        return x > 20 ? x : x > 0 ? x - 2 * x / (n + 2) : x * n / (n + 2);
    }

    [Activation]
    public static double Softplus(double x, double beta = 1.0, double threshold = 20.0) =>
        beta * x > threshold ? x : Math.Log(1 + Math.Exp(beta * x)) / beta;

    [Activation]
    public static double Relu6(double x) => Math.Clamp(x, 0, 6);

    [Activation]
    public static double HardSigmoid(double x) => x <= -3 ? 0 : x >= 3 ? 1 : x / 6 + 0.5;

    // Kinks as libtorch 2.10's hardswish_backward: 0 at x = −3, 1 at x = 3.
    [Activation]
    public static double HardSwish(double x) => x <= -3 ? 0 : x < 3 ? x * (x + 3) / 6 : x;

    [Activation]
    public static double HardTanh(double x, double minVal = -1.0, double maxVal = 1.0) =>
        x <= minVal ? minVal : x >= maxVal ? maxVal : x;

    [Activation]
    public static double Softsign(double x) => x / (1 + Math.Abs(x));

    // log σ(x) = −softplus(−x): written as log(Sigmoid(x)) the scalar method would return −∞ at x = −800
    // (the generated kernels would still be right: the generator rewrites that form).
    [Activation]
    public static double LogSigmoid(double x) => -MathX.Softplus(-x);
}
