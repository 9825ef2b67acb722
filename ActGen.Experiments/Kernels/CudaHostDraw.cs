using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using ActGen.Cuda;
using ActGen.Torch;

namespace ActGen.Experiments.Kernels;

/// <summary>
/// The counter-based draw's CUDA source (<see cref="CounterUniformSource"/>) compiled with the host C++ compiler and run
/// on the CPU with a multi-block grid-stride launch of an odd length, against <see cref="CounterUniform"/>: bit for bit,
/// both element types, a few seeds and bounds. That is the CPU and the GPU giving the same slopes for one seed.
/// </summary>
internal static unsafe class CudaHostDraw
{
    public const string Name = "ActGen's counter-based draw (randomized parameters)";

    private const int Count = 4099;

    private static readonly (ulong Seed, double Lower, double Upper)[] Cases =
        [(0, 1.0 / 8, 1.0 / 3), (12345, 1.0 / 8, 1.0 / 3), (ulong.MaxValue, -2, 5), (0x9E3779B97F4A7C15, 0, 1)];

    public static CudaHostResult Run(string directory, string source = CounterUniformSource.Text)
    {
        Directory.CreateDirectory(directory);
        var cpp = Path.Combine(directory, "draw.cpp");
        File.WriteAllText(cpp, CudaHostShim.Header + source);
        var library = Path.Combine(directory, "libdraw.so");
        CudaHostCheck.Compile(cpp, library);
        var handle = NativeLibrary.Load(library);
        try
        {
            var launch = (delegate* unmanaged<uint, uint, int, void*, long, ulong, double, double, void>)
                NativeLibrary.GetExport(handle, "actgen_host_counter_uniform");
            var failures = new List<string>();
            foreach (var (seed, lower, upper) in Cases)
            {
                var label = $"seed {seed}, U({lower}, {upper})";
                var doubles = new double[Count];
                fixed (double* p = doubles)
                {
                    launch(3, 7, 1, p, Count, seed, lower, upper);
                }

                var singles = new float[Count];
                fixed (float* p = singles)
                {
                    launch(3, 7, 0, p, Count, seed, lower, upper);
                }

                var (expectedDoubles, expectedSingles) = (new double[Count], new float[Count]);
                CounterUniform.Fill(expectedDoubles, seed, 0, lower, upper);
                CounterUniform.Fill(expectedSingles, seed, 0, lower, upper);
                failures.AddRange(Differences($"f64 {label}", doubles, expectedDoubles));
                failures.AddRange(Differences($"f32 {label}", singles, expectedSingles));
            }

            return new CudaHostResult(Name, failures);
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }

    private static IEnumerable<string> Differences<T>(string label, T[] actual, T[] expected)
        where T : IEquatable<T> =>
        Enumerable.Range(0, actual.Length).Where(i => !actual[i].Equals(expected[i])).Take(1)
            .Select(i => $"{label}: element {i} is {actual[i]}, the CPU draws {expected[i]}");
}
