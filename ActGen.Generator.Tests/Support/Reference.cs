using System;

namespace ActGen.Tests.Support;

/// <summary>
/// log1p and expm1 for test references, from identities whose parts .NET computes accurately near 0 (its own
/// <c>double.LogP1</c> and <c>double.ExpM1</c> are the naive ln(1 + x) and eˣ − 1), so they share nothing with MathX.
/// </summary>
internal static class Reference
{
    /// <summary>ln(1 + u) = 2·atanh(u/(2 + u)).</summary>
    public static double Log1p(double u) => double.IsPositiveInfinity(u) ? u : 2 * Math.Atanh(u / (2 + u));

    /// <summary>eᵘ − 1 = 2·e^(u/2)·sinh(u/2).</summary>
    public static double Expm1(double u) => double.IsNegativeInfinity(u) ? -1 : 2 * Math.Exp(u / 2) * Math.Sinh(u / 2);

    /// <summary>ln(1 + eᵘ) = max(u, 0) + log1p(e^−|u|).</summary>
    public static double Softplus(double u) => Math.Max(u, 0) + Log1p(Math.Exp(-Math.Abs(u)));

    /// <summary>1/(1 + e⁻ᵘ), from e^−|u| so nothing overflows.</summary>
    public static double Sigmoid(double u) => u >= 0 ? 1 / (1 + Math.Exp(-u)) : Math.Exp(u) / (1 + Math.Exp(u));
}
