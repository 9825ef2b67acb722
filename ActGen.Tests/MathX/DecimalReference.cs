using System;
using System.Globalization;

namespace ActGen.Tests.MathXTests;

/// <summary>
/// Reference values from 28-digit decimal arithmetic: Taylor and atanh series, written independently of
/// MathX (different expansions), accurate to far below a double ulp on the ranges stated.
/// Results near 0 are computed as f(x)/x in decimal, then multiplied by x in double (one rounding).
/// </summary>
internal static class DecimalReference
{
    private const decimal TwoOverSqrtPi = 1.1283791670955125738961589031m;
    private const decimal Tiny = 1e-28m;

    public static decimal ToDecimal(double x) =>
        decimal.Parse(x.ToString("E27", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Correctly rounded, unlike the (double) cast, which is off by several ulps at times.</summary>
    public static double ToDouble(decimal d) => double.Parse(d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>n/d for 0 &lt; n/d ≤ 1, scaled by 10ᵏ before dividing: a small decimal quotient would keep too few digits.</summary>
    private static double Quotient(decimal n, decimal d)
    {
        int k = 0;
        while (n * 10 < d) { n *= 10; k++; }
        return double.Parse((n / d).ToString(CultureInfo.InvariantCulture) + "E-" + k, CultureInfo.InvariantCulture);
    }

    /// <summary>erf x = (2/√π) Σ (−1)ⁿ x²ⁿ⁺¹/(n!(2n+1)), for |x| ≤ 4 (the alternating sum loses ≤ 7 of 28 digits).</summary>
    public static double Erf(double x)
    {
        if (Math.Abs(x) > 4) throw new ArgumentOutOfRangeException(nameof(x));
        decimal x2 = ToDecimal(x) * ToDecimal(x), term = 1m, sum = 0m;
        for (int n = 0; Math.Abs(term) > Tiny; n++)
        {
            sum += term / (2 * n + 1);
            term *= -x2 / (n + 1);
        }
        return ToDouble(TwoOverSqrtPi * sum) * x;
    }

    /// <summary>eˣ − 1 = x Σ xⁿ⁻¹/n!, for |x| ≤ 2.</summary>
    public static double Expm1(double x)
    {
        if (Math.Abs(x) > 2) throw new ArgumentOutOfRangeException(nameof(x));
        decimal xd = ToDecimal(x), term = 1m, sum = 0m;
        for (int n = 1; Math.Abs(term) > Tiny; n++)
        {
            sum += term;
            term *= xd / (n + 1);
        }
        return ToDouble(sum) * x;
    }

    /// <summary>ln(1 + x) = 2 atanh(x/(2 + x)), for −½ ≤ x ≤ 1.</summary>
    public static double Log1p(double x)
    {
        if (x < -0.5 || x > 1) throw new ArgumentOutOfRangeException(nameof(x));
        return ToDouble(Log1pOverX(ToDecimal(x))) * x;
    }

    /// <summary>e^x by halving to |x| ≤ 10⁻³, Taylor, then squaring back; for |x| ≤ 40.</summary>
    public static decimal Exp(decimal x)
    {
        int halvings = 0;
        while (Math.Abs(x) > 0.001m) { x /= 2; halvings++; }
        decimal term = 1m, sum = 0m;
        for (int n = 1; Math.Abs(term) > Tiny; n++)
        {
            sum += term;
            term *= x / n;
        }
        for (int i = 0; i < halvings; i++) sum *= sum;
        return sum;
    }

    /// <summary>1/(1 + e^−x); for x &lt; 0 as 1/(1 + e^|x|), divided so that all 28 digits are significant.</summary>
    public static double Sigmoid(double x) =>
        x >= 0 ? ToDouble(1m / (1m + Exp(-ToDecimal(x)))) : Quotient(1m, 1m + Exp(ToDecimal(-x)));

    /// <summary>ln(1 + eˣ) = max(x, 0) + ln(1 + e^−|x|), the log by the atanh series.</summary>
    public static double Softplus(double x)
    {
        decimal e = Exp(ToDecimal(Math.Abs(x))), z = 1m / e;
        return x >= 0 ? ToDouble(ToDecimal(x) + z * Log1pOverX(z)) : Quotient(Log1pOverX(z), e);
    }

    private static decimal Log1pOverX(decimal x)
    {
        decimal s = x / (2 + x), s2 = s * s, power = 1m, sum = 0m;
        for (int k = 0; power > Tiny; k++)
        {
            sum += power / (2 * k + 1);
            power *= s2;
        }
        return 2 * sum / (2 + x);
    }
}
