using System;
using System.Numerics;

namespace ActGen;

public static partial class MathX
{
    /// <summary>Lane-wise <see cref="Expm1(double)"/>: the same Taylor polynomial below ½, exp(x) − 1 above.</summary>
    public static Vector<double> Expm1(Vector<double> x)
    {
        var small = Vector.LessThan(Vector.Abs(x), new Vector<double>(Expm1PolyBound));
        if (Vector.EqualsAll(small, Vector<long>.AllBitsSet))
            return KeepZero(x, Expm1Poly(x));
        var viaExp = Vector.Exp(x) - Vector<double>.One;
        return Vector.EqualsAll(small, Vector<long>.Zero) ? viaExp : KeepZero(x, Vector.ConditionalSelect(small, Expm1Poly(x), viaExp));
    }

    /// <summary>
    /// Lane-wise <see cref="Expm1(float)"/>, in single precision: Taylor terms to x¹² below 1
    /// (float's Vector.Exp is only ~2 ulp, so exp(x) − 1 waits until the cancellation is gone).
    /// </summary>
    public static Vector<float> Expm1(Vector<float> x)
    {
        var small = Vector.LessThan(Vector.Abs(x), Vector<float>.One);
        if (Vector.EqualsAll(small, Vector<int>.AllBitsSet))
            return KeepZero(x, Expm1Poly(x));
        var viaExp = Vector.Exp(x) - Vector<float>.One;
        return Vector.EqualsAll(small, Vector<int>.Zero) ? viaExp : KeepZero(x, Vector.ConditionalSelect(small, Expm1Poly(x), viaExp));
    }

    private static Vector<double> Expm1Poly(Vector<double> x)
    {
        var c = Expm1Taylor;
        var q = new Vector<double>(c[^1]);
        for (int i = c.Length - 2; i >= 0; i--)
            q = Vector.FusedMultiplyAdd(q, x, new Vector<double>(c[i]));
        return Vector.FusedMultiplyAdd(x * x, q, x);
    }

    private static Vector<float> Expm1Poly(Vector<float> x)
    {
        var c = Expm1Taylor[..11]; // 1/2! .. 1/12!: remainder below 2e-10 relative for |x| ≤ 1
        var q = new Vector<float>((float)c[^1]);
        for (int i = c.Length - 2; i >= 0; i--)
            q = Vector.FusedMultiplyAdd(q, x, new Vector<float>((float)c[i]));
        return Vector.FusedMultiplyAdd(x * x, q, x);
    }

    /// <summary>Lane-wise <see cref="Log1p(double)"/> (same correction of the rounded 1 + x).</summary>
    public static Vector<double> Log1p(Vector<double> x)
    {
        var u = Vector<double>.One + x;
        var log = Vector.Log(u);
        var corrected = log + (x - (u - Vector<double>.One)) / u;
        var edge = Vector.Equals(u, Vector<double>.Zero) | Vector.Equals(u, new Vector<double>(double.PositiveInfinity));
        return KeepZero(x, Vector.ConditionalSelect(edge, log, corrected));
    }

    /// <summary>Lane-wise <see cref="Log1p(float)"/>, in single precision.</summary>
    public static Vector<float> Log1p(Vector<float> x)
    {
        var u = Vector<float>.One + x;
        var log = Vector.Log(u);
        var corrected = log + (x - (u - Vector<float>.One)) / u;
        var edge = Vector.Equals(u, Vector<float>.Zero) | Vector.Equals(u, new Vector<float>(float.PositiveInfinity));
        return KeepZero(x, Vector.ConditionalSelect(edge, log, corrected));
    }

    /// <summary>Where x is ±0, x itself (the polynomial and log paths would give +0 for −0).</summary>
    private static Vector<double> KeepZero(Vector<double> x, Vector<double> r) =>
        Vector.ConditionalSelect(Vector.Equals(x, Vector<double>.Zero), x, r);

    private static Vector<float> KeepZero(Vector<float> x, Vector<float> r) =>
        Vector.ConditionalSelect(Vector.Equals(x, Vector<float>.Zero), x, r);
}
