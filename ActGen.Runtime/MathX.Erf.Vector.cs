using System.Numerics;

namespace ActGen;

public static partial class MathX
{
    /// <summary>Lane-wise <see cref="Erf(double)"/>: the same series and continued fraction, each computed only when some lane needs it.</summary>
    public static Vector<double> Erf(Vector<double> x) => ErfCore(x, ErfSplit, ErfSeries.Length, ErfFractionDepth);

    /// <summary>
    /// Lane-wise <see cref="Erf(float)"/>: computed in double with shorter expansions
    /// (split at 2, 21 series terms, depth 12: relative error ≈ 1e-9), then rounded to float.
    /// </summary>
    public static Vector<float> Erf(Vector<float> x)
    {
        Vector.Widen(x, out var low, out var high);
        return Vector.Narrow(ErfCore(low, 2.0, 21, 12), ErfCore(high, 2.0, 21, 12));
    }

    private static Vector<double> ErfCore(Vector<double> x, double split, int terms, int depth)
    {
        var a = Vector.Abs(x);
        var splitV = new Vector<double>(split);
        var inSeries = Vector.LessThan(a, splitV); // false for NaN, which the fraction branch propagates
        var r = Vector.EqualsAll(inSeries, Vector<long>.AllBitsSet) ? ErfBySeries(a, terms)
            : Vector.EqualsAll(inSeries, Vector<long>.Zero) ? Vector<double>.One - ErfcByFraction(Vector.Clamp(a, splitV, new Vector<double>(ErfOne)), depth)
            : Vector.ConditionalSelect(inSeries,
                ErfBySeries(Vector.Min(a, splitV), terms),
                Vector<double>.One - ErfcByFraction(Vector.Clamp(a, splitV, new Vector<double>(ErfOne)), depth));
        return Vector.CopySign(r, x);
    }

    private static Vector<double> ErfBySeries(Vector<double> a, int terms)
    {
        var c = ErfSeries[..terms];
        var t = a * a;
        var p = new Vector<double>(c[^1]);
        for (int i = c.Length - 2; i >= 0; i--)
            p = Vector.FusedMultiplyAdd(p, t, new Vector<double>(c[i]));
        return new Vector<double>(TwoOverSqrtPi) * a * (Vector.Exp(-t) * p);
    }

    private static Vector<double> ErfcByFraction(Vector<double> a, int depth)
    {
        var f = a;
        for (int k = depth; k >= 1; k--)
            f = a + new Vector<double>(0.5 * k) / f;
        return Vector.Exp(-(a * a)) * new Vector<double>(OneOverSqrtPi) / f;
    }
}
