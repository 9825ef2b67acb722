using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ActGen.Experiments.Kernels;

/// <summary>
/// Compiles activations' generated CUDA sources with the host C++ compiler (through <see cref="CudaHostShim"/>), runs
/// every kernel on the CPU over a grid of [−12, 12] and edge values (±0, ±1e-30, ±20, ±88, ±800, ±∞, NaN) with a
/// multi-block grid-stride launch of an odd length, buffers aligned (the vector loop and a tail) and shifted by one element
/// (the scalar loop), tensor parameters as one value, one per element and one per channel (<see cref="ParameterLayout"/>;
/// values that differ between elements or channels), and compares with the generated C# kernels of the same element type
/// at each element's parameters (∂/∂θ against central differences, at finite inputs; the second order against the C#
/// second-order kernels; float16 and bfloat16 against the float kernels, see <see cref="Precision"/>).
/// </summary>
internal static class CudaHostCheck
{
    public static IReadOnlyList<CudaHostResult> Run(
        IReadOnlyList<(ActivationDefinition Definition, string Source)> activations,
        string directory)
    {
        Directory.CreateDirectory(directory);
        var source = Path.Combine(directory, "kernels.cpp");
        File.WriteAllText(source, CudaHostShim.Header + string.Join("\n", activations.Select(a => a.Source)));
        var library = Path.Combine(directory, "libkernels.so");
        Compile(source, library);
        var handle = NativeLibrary.Load(library);
        try
        {
            return activations.Select(a => Check(a.Definition, Launchers(a.Source), handle)).ToList();
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }

    /// <summary>Compiles <paramref name="source"/> (the shim included) into a shared library with the host C++ compiler.</summary>
    internal static void Compile(string source, string library)
    {
        var compiler = Environment.GetEnvironmentVariable("CXX") is { Length: > 0 } cxx ? cxx : "g++";
        var start = new ProcessStartInfo(compiler, $"-std=c++17 -O1 -shared -fPIC -DACTGEN_HOST_CHECK -o \"{library}\" \"{source}\"")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {compiler}");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{compiler} could not compile the generated CUDA sources:\n{errors}");
        }
    }

    private static IReadOnlyList<string> Launchers(string source) =>
        Regex.Matches(source, @"extern ""C"" void (actgen_host_\w+)\(").Select(m => m.Groups[1].Value).ToList();

    private static readonly double[] Edges =
    [
        0.5, 0.0, -0.0, 1e-30, -1e-30, 20, -20, 88, -88, 800, -800,
        double.PositiveInfinity, double.NegativeInfinity, double.NaN,
    ];

    private static readonly double[] Inputs = Enumerable.Range(0, 2001).Select(i => -12 + i * 0.012 + 1e-4).Concat(Edges).ToArray();

    private static CudaHostResult Check(ActivationDefinition d, IReadOnlyList<string> launchers, IntPtr library)
    {
        var failures = new List<string>();
        string? Find(string suffix) => launchers.FirstOrDefault(l => l.EndsWith(suffix, StringComparison.Ordinal));
        var gy = Inputs.Select((_, i) => 0.5 + i % 7 * 0.25).ToArray();
        var gg = Inputs.Select((_, i) => 0.75 - i % 5 * 0.125).ToArray();
        var backwardName = d.BackwardFromOutput ? "_backward_from_output" : "_backward";
        var layouts = d.Parameters.Any(p => p.Role != ParameterRole.Hyper) ? ParameterLayout.All : [ParameterLayout.One];
        foreach (var precision in Precision.All)
        {
            var suffix = "_" + precision.Suffix;
            foreach (var (layout, shift) in layouts.SelectMany(l => new[] { 0, 1 }.Select(shift => (l, shift))))
            {
                var x = precision.Round(Inputs);
                var y = ByGroup(d, precision, layout, x.Length, (p, at) => precision.Forward(d, Pick(x, at), p));
                var label = $"({layout.Name}, shift {shift})";
                var forward = HostKernelLauncher.Launch(library, Find("_forward" + suffix), precision, x, null, d, layout, shift);
                Compare(failures, $"forward{suffix} {label}", forward, y, precision);
                var source = d.BackwardFromOutput ? y : x;
                var backward = HostKernelLauncher.Launch(library, Find(backwardName + suffix), precision, source, gy, d, layout, shift);
                Compare(
                    failures,
                    $"backward{suffix} {label}",
                    backward,
                    ByGroup(d, precision, layout, x.Length, (p, at) => precision.Backward(d, Pick(source, at), Pick(gy, at), p)),
                    precision);
                if (precision.ComputesInFloat)
                {
                    // The same float computation, rounded once: exactly the float kernel's result, rounded to nearest even.
                    var exact = precision with { Relative = 0, Absolute = 0 };
                    var f32 = Precision.Single;
                    Compare(failures, $"forward{suffix} {label} against forward_f32", forward,
                        precision.Round(HostKernelLauncher.Launch(library, Find("_forward_f32"), f32, x, null, d, layout, shift, null, precision)), exact);
                    Compare(failures, $"backward{suffix} {label} against {backwardName[1..]}_f32", backward,
                        precision.Round(HostKernelLauncher.Launch(library, Find(backwardName + "_f32"), f32, source, gy, d, layout, shift, null, precision)), exact);
                }
                foreach (var k in Enumerable.Range(0, d.Parameters.Count).Where(k => d.Parameters[k].Role == ParameterRole.Learnable))
                {
                    Compare(
                        failures,
                        $"grad_{k}{suffix} {label}",
                        HostKernelLauncher.Launch(library, Find($"_grad_{k}{suffix}"), precision, x, gy, d, layout, shift),
                        precision.Round(ByGroup(d, precision, layout, x.Length, (p, at) => ParameterGradient(d, Pick(x, at), Pick(gy, at), p, k))),
                        precision with { Relative = Math.Max(precision.Relative, 1e-6) },
                        finiteOnly: true);
                }

                foreach (var (pair, k) in d.Double.SecondOrder.Select((pair, k) => (pair, k)))
                {
                    var kind = CudaAbi.SecondKind(d, pair.First, pair.Second);
                    Compare(
                        failures,
                        $"{kind}{suffix} {label}",
                        HostKernelLauncher.Launch(library, Find($"_{kind}{suffix}"), precision, source, gy, d, layout, shift, gg),
                        ByGroup(d, precision, layout, x.Length, (p, at) => precision.Second(d, k, Pick(source, at), Pick(gy, at), Pick(gg, at), p)),
                        precision);
                }
            }
        }

        return new CudaHostResult(d.Name, failures);
    }

    /// <summary>
    /// The reference for every element: the elements of each parameter group (<see cref="ParameterLayout.Group"/>) computed
    /// together at that group's parameters (tensor ones as the kernel's buffer holds them), then put back in place.
    /// </summary>
    private static double[] ByGroup(
        ActivationDefinition d, Precision precision, ParameterLayout layout, int n, Func<double[], int[], double[]> compute)
    {
        var result = new double[n];
        foreach (var group in Enumerable.Range(0, n).GroupBy(i => layout.Group(i)))
        {
            var at = group.ToArray();
            var values = compute(precision.Parameters(d, ParameterLayout.Parameters(d, group.Key)), at);
            for (var j = 0; j < at.Length; j++)
            {
                result[at[j]] = values[j];
            }
        }

        return result;
    }

    private static double[] Pick(double[] values, int[] at) => at.Select(i => values[i]).ToArray();

    /// <summary>gy · ∂f/∂θ_k by central differences of the C# forward kernel: no generated name is needed to find it.</summary>
    private static double[] ParameterGradient(ActivationDefinition d, double[] x, double[] gy, double[] parameters, int k)
    {
        const double h = 1e-6;
        double[] At(double delta)
        {
            var p = (double[])parameters.Clone();
            p[k] += delta;
            var y = new double[x.Length];
            d.Double.Forward(x, y, p);
            return y;
        }

        var (up, down) = (At(h), At(-h));
        return x.Select((v, i) => double.IsFinite(v) ? gy[i] * (up[i] - down[i]) / (2 * h) : double.NaN).ToArray();
    }

    private static void Compare(
        List<string> failures, string kernel, double[] actual, double[] expected, Precision precision, bool finiteOnly = false) =>
        KernelComparison.Compare(failures, kernel, actual, expected, precision, Inputs, finiteOnly);
}
