using System;

namespace ActGen;

public static partial class MathX
{
    /// <summary>1/(1 + e⁻ˣ) from e^−|x|, so nothing overflows: exactly 0 and 1 in the limits.</summary>
    public static double Sigmoid(double x)
    {
        double e = Math.Exp(-Math.Abs(x));
        double r = 1.0 / (1.0 + e);
        return x >= 0 ? r : e * r;
    }

    /// <inheritdoc cref="Sigmoid(double)"/>
    public static float Sigmoid(float x) => (float)Sigmoid((double)x);

    /// <summary>ln(1 + eˣ) as max(x, 0) + log1p(e^−|x|): never overflows, tiny but ≥ 0 for very negative x.</summary>
    public static double Softplus(double x) => Math.Max(x, 0.0) + Log1p(Math.Exp(-Math.Abs(x)));

    /// <inheritdoc cref="Softplus(double)"/>
    public static float Softplus(float x) => (float)Softplus((double)x);
}
