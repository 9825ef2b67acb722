using System.Numerics;
using System.Runtime.CompilerServices;

namespace ActGen;

public static partial class MathX
{
    /// <summary>−1, +1, or <paramref name="x"/> itself for ±0 and NaN.</summary>
    public static double Sign(double x) => x > 0 ? 1.0 : x < 0 ? -1.0 : x;

    /// <inheritdoc cref="Sign(double)"/>
    public static float Sign(float x) => x > 0 ? 1f : x < 0 ? -1f : x;

    /// <inheritdoc cref="Sign(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Sign(Vector<double> x) =>
        Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<double>.Zero), Vector<double>.One,
            Vector.ConditionalSelect(Vector.LessThan(x, Vector<double>.Zero), -Vector<double>.One, x));

    /// <inheritdoc cref="Sign(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sign(Vector<float> x) =>
        Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<float>.Zero), Vector<float>.One,
            Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), -Vector<float>.One, x));
}
