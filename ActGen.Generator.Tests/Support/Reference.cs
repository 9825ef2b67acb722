using System;

namespace ActGen.Tests.Support;

/// <summary>
/// log1p and expm1 for test references, from identities whose parts .NET computes accurately near 0 (its own
/// <c>double.LogP1</c> and <c>double.ExpM1</c> are the naive ln(1 + x) and eˣ − 1), so they share nothing with MathX.
/// The identities hold near 0 only: away from it they round (u/(2 + u) is 1 from u ≈ 1e17, so atanh gives ∞) or
/// overflow (sinh(−750)·e^−375), where the naive forms lose nothing (1 + u and eᵘ are within a factor 2.5 of the result).
/// </summary>
internal static class Reference
{
    private const double NearZero = 0.5;

    /// <summary>ln(1 + u) = 2·atanh(u/(2 + u)) near 0.</summary>
    public static double Log1p(double u) => Math.Abs(u) < NearZero ? 2 * Math.Atanh(u / (2 + u)) : Math.Log(1 + u);

    /// <summary>eᵘ − 1 = 2·e^(u/2)·sinh(u/2) near 0.</summary>
    public static double Expm1(double u) => Math.Abs(u) < NearZero ? 2 * Math.Exp(u / 2) * Math.Sinh(u / 2) : Math.Exp(u) - 1;

    /// <summary>ln(1 + eᵘ) = max(u, 0) + log1p(e^−|u|).</summary>
    public static double Softplus(double u) => Math.Max(u, 0) + Log1p(Math.Exp(-Math.Abs(u)));

    /// <summary>1/(1 + e⁻ᵘ), from e^−|u| so nothing overflows.</summary>
    public static double Sigmoid(double u) => u >= 0 ? 1 / (1 + Math.Exp(-u)) : Math.Exp(u) / (1 + Math.Exp(u));
}
