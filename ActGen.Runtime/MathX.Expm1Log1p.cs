using System;

namespace ActGen;

public static partial class MathX
{
    /// <summary>Below this |x|, expm1 uses its Taylor polynomial; above it, exp(x) − 1 loses at most a bit.</summary>
    private const double Expm1PolyBound = 0.5;

    /// <summary>1/n! for n = 2..15: expm1(x) = x + x²·Σ xⁿ⁻²/n!, exact to double for |x| ≤ ½.</summary>
    private static ReadOnlySpan<double> Expm1Taylor =>
    [
        0.5, 0.16666666666666666, 0.041666666666666664, 0.008333333333333333, 0.001388888888888889,
        0.0001984126984126984, 2.48015873015873e-05, 2.7557319223985893e-06, 2.755731922398589e-07,
        2.505210838544172e-08, 2.08767569878681e-09, 1.6059043836821613e-10, 1.1470745597729725e-11,
        7.647163731819816e-13,
    ];

    /// <summary>eˣ − 1 without cancellation near 0; keeps the sign of ±0; −1 at −∞, +∞ on overflow.</summary>
    public static double Expm1(double x) =>
        x == 0.0 ? x : Math.Abs(x) < Expm1PolyBound ? Expm1Poly(x) : Math.Exp(x) - 1.0;

    /// <inheritdoc cref="Expm1(double)"/>
    public static float Expm1(float x) => (float)Expm1((double)x);

    private static double Expm1Poly(double x)
    {
        var c = Expm1Taylor;
        double q = c[^1];
        for (int i = c.Length - 2; i >= 0; i--)
            q = Math.FusedMultiplyAdd(q, x, c[i]);
        return Math.FusedMultiplyAdd(x * x, q, x);
    }

    /// <summary>
    /// ln(1 + x) without cancellation near 0: with u = 1 ⊕ x, ln(1+x) = ln u + (x − (u − 1))/u,
    /// the second term restoring what rounding 1 + x lost. Keeps the sign of ±0; −∞ at −1, NaN below −1.
    /// </summary>
    public static double Log1p(double x)
    {
        double u = 1.0 + x;
        return x == 0.0 ? x
            : u == 0.0 || double.IsPositiveInfinity(u) ? Math.Log(u)
            : Math.Log(u) + (x - (u - 1.0)) / u;
    }

    /// <inheritdoc cref="Log1p(double)"/>
    public static float Log1p(float x) => (float)Log1p((double)x);
}
