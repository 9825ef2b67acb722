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
        var t = a * a;
        var p = EvenOddHorner(t, ErfSeries[..terms]);
        return new Vector<double>(TwoOverSqrtPi) * a * (Exp(-t) * p);
    }

    /// <summary>Σ cᵢ tⁱ as even(t²) + t·odd(t²): two independent FMA chains, half the latency of one Horner chain.</summary>
    private static Vector<double> EvenOddHorner(Vector<double> t, System.ReadOnlySpan<double> c)
    {
        var t2 = t * t;
        int last = c.Length - 1, lastEven = last & ~1, lastOdd = last - 1 + (last & 1);
        var even = new Vector<double>(c[lastEven]);
        var odd = new Vector<double>(c[lastOdd]);
        for (int i = lastEven - 2; i >= 0; i -= 2)
            even = Vector.FusedMultiplyAdd(even, t2, new Vector<double>(c[i]));
        for (int i = lastOdd - 2; i >= 1; i -= 2)
            odd = Vector.FusedMultiplyAdd(odd, t2, new Vector<double>(c[i]));
        return Vector.FusedMultiplyAdd(odd, t, even);
    }

    private static Vector<double> ErfcByFraction(Vector<double> a, int depth)
    {
        // Two steps per turn (depth is even), so the pairs trade places without copies.
        Vector<double> p0 = Vector<double>.One, p1 = a, q0 = Vector<double>.Zero, q1 = Vector<double>.One;
        for (int k = 1; k < depth; k += 2)
        {
            Vector<double> h0 = new(0.5 * k), h1 = new(0.5 * (k + 1));
            p0 = Vector.FusedMultiplyAdd(a, p1, h0 * p0);
            q0 = Vector.FusedMultiplyAdd(a, q1, h0 * q0);
            p1 = Vector.FusedMultiplyAdd(a, p0, h1 * p1);
            q1 = Vector.FusedMultiplyAdd(a, q0, h1 * q1);
        }
        return Exp(-(a * a)) * new Vector<double>(OneOverSqrtPi) * (q1 / p1);
    }
}
