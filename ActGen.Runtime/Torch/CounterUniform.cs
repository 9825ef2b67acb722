using System;

namespace ActGen.Torch;

/// <summary>
/// Uniform numbers from a counter-based generator: element i of a draw is a hash (SplitMix64's finaliser) of the
/// draw's seed and i, so chunks fill in parallel and the values do not depend on how the work was split.
/// </summary>
internal static class CounterUniform
{
    private const ulong Golden = 0x9E3779B97F4A7C15;

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>Element i in [0, 1) with 53 random bits.</summary>
    public static double Unit(ulong seed, long i) => (Mix(seed + (ulong)i * Golden) >> 11) * (1.0 / (1UL << 53));

    /// <summary>span[k] = lower + (upper − lower)·u(start + k), with u ∈ [0, 1).</summary>
    public static void Fill(Span<double> span, ulong seed, long start, double lower, double upper)
    {
        var width = upper - lower;
        for (var k = 0; k < span.Length; k++)
        {
            span[k] = lower + width * Unit(seed, start + k);
        }
    }

    /// <inheritdoc cref="Fill(Span{double}, ulong, long, double, double)"/>
    public static void Fill(Span<float> span, ulong seed, long start, double lower, double upper)
    {
        var (low, width) = ((float)lower, (float)(upper - lower));
        for (var k = 0; k < span.Length; k++)
        {
            // 24 random bits: every float in [0, 1) on the grid 2^-24.
            span[k] = low + width * ((Mix(seed + (ulong)(start + k) * Golden) >> 40) * (1f / (1 << 24)));
        }
    }
}
