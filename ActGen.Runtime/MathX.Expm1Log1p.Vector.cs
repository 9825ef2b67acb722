using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ActGen;

public static partial class MathX
{
    /// <summary>Lane-wise <see cref="Expm1(double)"/>: the same Taylor polynomial below ½, exp(x) − 1 above.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Expm1(Vector<double> x)
    {
        var small = Vector.LessThan(Vector.Abs(x), new Vector<double>(Expm1PolyBound));
        if (Vector.EqualsAll(small, Vector<long>.AllBitsSet))
            return KeepZero(x, Expm1Poly(x));
        var viaExp = Exp(x) - Vector<double>.One;
        return Vector.EqualsAll(small, Vector<long>.Zero) ? viaExp : KeepZero(x, Vector.ConditionalSelect(small, Expm1Poly(x), viaExp));
    }

    /// <summary>
    /// Lane-wise <see cref="Expm1(float)"/>, in single precision and without branches on the sign: with
    /// x = n·ln 2 + r (|r| ≤ ln 2 / 2), eˣ − 1 = 2ⁿ·expm1(r) + (2ⁿ − 1), where expm1(r) is a Taylor polynomial
    /// (no cancellation) and 2ⁿ − 1 is exact. Where 2ⁿ would pass 2²⁴ (x above ~16.6), eˣ − 1 loses nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Expm1(Vector<float> x)
    {
        const float Large = 16.5f;
        var r = ReduceByLn2(Vector.MinNative(Vector.MaxNative(x, new Vector<float>(-30f)), new Vector<float>(Large)), out var k);
        var scale = Vector.AsVectorSingle(Vector.ShiftLeft(k + new Vector<int>(127), 23));
        var result = KeepZero(x, Vector.FusedMultiplyAdd(scale, Expm1Poly(r), scale - Vector<float>.One));
        if (Vector.GreaterThanAny(x, new Vector<float>(Large)))
            result = Vector.ConditionalSelect(Vector.GreaterThan(x, new Vector<float>(Large)), Exp(x) - Vector<float>.One, result);
        return Vector.ConditionalSelect(Vector.Equals(x, x), result, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Expm1Poly(Vector<double> x)
    {
        var c = Expm1Taylor;
        var q = new Vector<double>(c[^1]);
        for (int i = c.Length - 2; i >= 0; i--)
            q = Vector.FusedMultiplyAdd(q, x, new Vector<double>(c[i]));
        return Vector.FusedMultiplyAdd(x * x, q, x);
    }

    /// <summary>r + r²·(1/2! + r/3! + … + r⁶/8!): below 1e-9 relative for |r| ≤ ln 2 / 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Expm1Poly(Vector<float> r)
    {
        var q = new Vector<float>(1f / 40320);
        q = Vector.FusedMultiplyAdd(q, r, new Vector<float>(1f / 5040));
        q = Vector.FusedMultiplyAdd(q, r, new Vector<float>(1f / 720));
        q = Vector.FusedMultiplyAdd(q, r, new Vector<float>(1f / 120));
        q = Vector.FusedMultiplyAdd(q, r, new Vector<float>(1f / 24));
        q = Vector.FusedMultiplyAdd(q, r, new Vector<float>(1f / 6));
        q = Vector.FusedMultiplyAdd(q, r, new Vector<float>(0.5f));
        return Vector.FusedMultiplyAdd(r * r, q, r);
    }

    /// <summary>Lane-wise <see cref="Log1p(double)"/> (same correction of the rounded 1 + x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log1p(Vector<double> x)
    {
        var u = Vector<double>.One + x;
        var log = Vector.Log(u);
        var corrected = log + (x - (u - Vector<double>.One)) / u;
        var edge = Vector.Equals(u, Vector<double>.Zero) | Vector.Equals(u, new Vector<double>(double.PositiveInfinity));
        return KeepZero(x, Vector.ConditionalSelect(edge, log, corrected));
    }

    /// <summary>Lane-wise <see cref="Log1p(float)"/>, in single precision.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log1p(Vector<float> x)
    {
        var u = Vector<float>.One + x;
        var log = Vector.Log(u);
        var corrected = log + (x - (u - Vector<float>.One)) / u;
        var edge = Vector.Equals(u, Vector<float>.Zero) | Vector.Equals(u, new Vector<float>(float.PositiveInfinity));
        return KeepZero(x, Vector.ConditionalSelect(edge, log, corrected));
    }

    /// <summary>Where x is ±0, x itself (the polynomial and log paths would give +0 for −0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> KeepZero(Vector<double> x, Vector<double> r) =>
        Vector.ConditionalSelect(Vector.Equals(x, Vector<double>.Zero), x, r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> KeepZero(Vector<float> x, Vector<float> r) =>
        Vector.ConditionalSelect(Vector.Equals(x, Vector<float>.Zero), x, r);
}
