using System.Numerics;
using System.Runtime.CompilerServices;

namespace ActGen;

public static partial class MathX
{
    /// <summary>Lane-wise <see cref="Sigmoid(double)"/>: one exp of −|x|, no overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Sigmoid(Vector<double> x)
    {
        var e = Exp(-Vector.Abs(x));
        var r = Vector<double>.One / (Vector<double>.One + e);
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<double>.Zero), r, e * r);
    }

    /// <inheritdoc cref="Sigmoid(Vector{double})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sigmoid(Vector<float> x)
    {
        var e = Exp(-Vector.Abs(x));
        var r = Vector<float>.One / (Vector<float>.One + e);
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<float>.Zero), r, e * r);
    }

    /// <summary>Lane-wise <see cref="Softplus(double)"/>: max(x, 0) + log1p(e^−|x|).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Softplus(Vector<double> x) =>
        Vector.Max(x, Vector<double>.Zero) + Log1p(Exp(-Vector.Abs(x)));

    /// <inheritdoc cref="Softplus(Vector{double})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Softplus(Vector<float> x) =>
        Vector.Max(x, Vector<float>.Zero) + Log1p(Exp(-Vector.Abs(x)));

    /// <summary>
    /// Lane-wise tanh: with t = expm1(−2|x|) ∈ (−1, 0], tanh|x| = −t/(t + 2), then the sign of x.
    /// No cancellation near 0 (expm1 is accurate there) and no overflow for large |x| (t → −1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Tanh(Vector<double> x)
    {
        var t = Expm1(new Vector<double>(-2.0) * Vector.Abs(x));
        return Vector.CopySign(-t / (t + new Vector<double>(2.0)), x);
    }

    /// <inheritdoc cref="Tanh(Vector{double})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Tanh(Vector<float> x)
    {
        var t = Expm1(new Vector<float>(-2f) * Vector.Abs(x));
        return Vector.CopySign(-t / (t + new Vector<float>(2f)), x);
    }
}
