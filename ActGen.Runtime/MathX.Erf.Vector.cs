using System.Numerics;

namespace ActGen;

public static partial class MathX
{
    /// <summary>Lane-wise <see cref="Erf(double)"/>: the same series and continued fraction, each computed only when some lane needs it.</summary>
    public static Vector<double> Erf(Vector<double> x) => ErfCore(x, ErfSplit, ErfSeries.Length, ErfFractionDepth);

    /// <summary>
    /// Lane-wise <see cref="Erf(float)"/>, in single precision (within a few ulp): below 1, a·P(a²) with P a
    /// degree-6 Chebyshev fit of erf(a)/a in a² (1.4e-9 relative); from 1 to 4, 1 − e^(−a²)·Q(a) with Q a degree-12
    /// Chebyshev fit of erfc(a)·e^(a²) on [1, 4] (7.6e-9 relative); above 4, erf rounds to 1 in float.
    /// </summary>
    public static Vector<float> Erf(Vector<float> x)
    {
        var a = Vector.Abs(x);
        var t = a * a;
        var p = new Vector<float>(7.882497022819735e-05f);
        p = Vector.FusedMultiplyAdd(p, t, new Vector<float>(-0.0008018854965791889f));
        p = Vector.FusedMultiplyAdd(p, t, new Vector<float>(0.0051893119395134595f));
        p = Vector.FusedMultiplyAdd(p, t, new Vector<float>(-0.0268543287943077f));
        p = Vector.FusedMultiplyAdd(p, t, new Vector<float>(0.11283597463441998f));
        p = Vector.FusedMultiplyAdd(p, t, new Vector<float>(-0.37612626903575536f));
        p = Vector.FusedMultiplyAdd(p, t, new Vector<float>(1.1283791658815012f));
        // a·P(a²), with the part of P(0) that float rounding drops added back.
        var near = Vector.FusedMultiplyAdd(a, p, a * new Vector<float>(5.935989477734438e-08f));
        var outer = Vector.GreaterThanOrEqual(a, Vector<float>.One);
        if (Vector.EqualsAll(outer, Vector<int>.Zero))
            return Vector.CopySign(near, x);

        var u = (Vector.MinNative(a, new Vector<float>(4f)) - new Vector<float>(2.5f)) * new Vector<float>(1f / 1.5f);
        var q = new Vector<float>(1.381908881057825e-05f);
        q = Vector.FusedMultiplyAdd(q, u, new Vector<float>(-3.6928723450841974e-05f));
        q = Vector.FusedMultiplyAdd(q, u, new Vector<float>(5.494724879469004e-05f));
        q = Vector.FusedMultiplyAdd(q, u, new Vector<float>(-0.00014394859822317583f));
        q = Vector.FusedMultiplyAdd(q, u, new Vector<float>(0.00041450809719300707f));
        q = Vector.FusedMultiplyAdd(q, u, new Vector<float>(-0.0010171177739738725f));
        q = Vector.FusedMultiplyAdd(q, u, new Vector<float>(0.00240170169579546f));
        q = Vector.FusedMultiplyAdd(q, u, new Vector<float>(-0.005567332909676645f));
        q = Vector.FusedMultiplyAdd(q, u, new Vector<float>(0.01248970367139877f));
        q = Vector.FusedMultiplyAdd(q, u, new Vector<float>(-0.027005725289712106f));
        q = Vector.FusedMultiplyAdd(q, u, new Vector<float>(0.056110472584290166f));
        q = Vector.FusedMultiplyAdd(q, u, new Vector<float>(-0.11152100469538338f));
        q = Vector.FusedMultiplyAdd(q, u, new Vector<float>(0.21080636427594102f));
        var far = Vector.ConditionalSelect(Vector.GreaterThan(a, new Vector<float>(4f)), Vector<float>.One, Vector<float>.One - Exp(-t) * q);
        // NaN lanes fail both comparisons and keep `near`, which is NaN.
        return Vector.CopySign(Vector.ConditionalSelect(outer, far, near), x);
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
