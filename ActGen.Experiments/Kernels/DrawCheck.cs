using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Cuda;
using ActGen.Torch;

namespace ActGen.Experiments.Kernels;

/// <summary>
/// Fills <paramref name="n"/> values of <paramref name="element"/> (float or double) at host address
/// <paramref name="values"/> with the counter-based draw's kernel, however it is run (host compiler or GPU).
/// </summary>
internal delegate void DrawRun(KernelElement element, IntPtr values, long n, ulong seed, double lower, double upper);

/// <summary>
/// The counter-based draw's kernel (<see cref="CounterUniformSource"/>) against <see cref="CounterUniform"/>: bit for
/// bit, both element types, an odd length, a few seeds and bounds. That is the CPU and the GPU giving the same slopes
/// for one seed.
/// </summary>
internal static unsafe class DrawCheck
{
    public const string Name = "ActGen's counter-based draw (randomized parameters)";

    private const int Count = 4099;

    private static readonly (ulong Seed, double Lower, double Upper)[] Cases =
        [(0, 1.0 / 8, 1.0 / 3), (12345, 1.0 / 8, 1.0 / 3), (ulong.MaxValue, -2, 5), (0x9E3779B97F4A7C15, 0, 1)];

    public static KernelCheckResult Run(DrawRun draw)
    {
        var failures = new List<string>();
        foreach (var (seed, lower, upper) in Cases)
        {
            var label = $"seed {seed}, U({lower}, {upper})";
            var doubles = new double[Count];
            fixed (double* p = doubles)
            {
                draw(KernelElement.Float64, (IntPtr)p, Count, seed, lower, upper);
            }

            var singles = new float[Count];
            fixed (float* p = singles)
            {
                draw(KernelElement.Float32, (IntPtr)p, Count, seed, lower, upper);
            }

            var (expectedDoubles, expectedSingles) = (new double[Count], new float[Count]);
            CounterUniform.Fill(expectedDoubles, seed, 0, lower, upper);
            CounterUniform.Fill(expectedSingles, seed, 0, lower, upper);
            failures.AddRange(Differences($"f64 {label}", doubles, expectedDoubles));
            failures.AddRange(Differences($"f32 {label}", singles, expectedSingles));
        }

        return new KernelCheckResult(Name, failures);
    }

    private static IEnumerable<string> Differences<T>(string label, T[] actual, T[] expected)
        where T : IEquatable<T> =>
        Enumerable.Range(0, actual.Length).Where(i => !actual[i].Equals(expected[i])).Take(1)
            .Select(i => $"{label}: element {i} is {actual[i]}, the CPU draws {expected[i]}");
}
