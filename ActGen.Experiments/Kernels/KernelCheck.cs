using System;
using System.Collections.Generic;
using System.Linq;

namespace ActGen.Experiments.Kernels;

/// <summary>
/// Runs one kernel of an activation, <c>{kind}_{f32|f64|f16|bf16}</c> (e.g. <c>forward_f32</c>, <c>grad_0_f64</c>), over
/// buffers that start <paramref name="shift"/> elements past a 16-byte boundary (0: the vector loop and a tail; 1: the
/// scalar loop alone), tensor parameters laid out as <paramref name="layout"/> says and rounded as
/// <paramref name="parameterValues"/> rounds them (else as the kernel's own type); no values where there is no such kernel.
/// </summary>
internal delegate double[] KernelRun(
    string kernel,
    Precision precision,
    double[] x,
    double[]? gy,
    ParameterLayout layout,
    int shift,
    double[]? gg = null,
    Precision? parameterValues = null);

/// <summary>
/// Checks every kernel of an activation's CUDA source, however it is run (<see cref="KernelRun"/>: on the CPU through the
/// host compiler, or on a GPU through ActGen's own runtime), over a grid of [−12, 12] and edge values (±0, ±1e-30, ±20,
/// ±88, ±800, ±∞, NaN) of an odd length, buffers aligned and shifted by one element, tensor parameters as one value, one
/// per element and one per channel (<see cref="ParameterLayout"/>; values that differ between elements or channels),
/// against the generated C# kernels of the same element type at each element's parameters (∂/∂θ against central
/// differences, at finite inputs; the second order against the C# second-order kernels; float16 and bfloat16 against the
/// float kernels, see <see cref="Precision"/>).
/// </summary>
internal static class KernelCheck
{
    private static readonly double[] Edges =
    [
        0.5, 0.0, -0.0, 1e-30, -1e-30, 20, -20, 88, -88, 800, -800,
        double.PositiveInfinity, double.NegativeInfinity, double.NaN,
    ];

    private static readonly double[] Inputs = Enumerable.Range(0, 2001).Select(i => -12 + i * 0.012 + 1e-4).Concat(Edges).ToArray();

    public static KernelCheckResult Check(ActivationDefinition d, KernelRun run)
    {
        var failures = new List<string>();
        var gy = Inputs.Select((_, i) => 0.5 + i % 7 * 0.25).ToArray();
        var gg = Inputs.Select((_, i) => 0.75 - i % 5 * 0.125).ToArray();
        var backwardName = d.BackwardFromOutput ? "backward_from_output" : "backward";
        var layouts = d.Parameters.Any(p => p.Role != ParameterRole.Hyper) ? ParameterLayout.All : [ParameterLayout.One];
        foreach (var precision in Precision.All)
        {
            var suffix = "_" + precision.Suffix;
            foreach (var (layout, shift) in layouts.SelectMany(l => new[] { 0, 1 }.Select(shift => (l, shift))))
            {
                var x = precision.Round(Inputs);
                var y = ByGroup(d, precision, layout, x.Length, (p, at) => precision.Forward(d, Pick(x, at), p));
                var label = $"({layout.Name}, shift {shift})";
                var forward = run("forward" + suffix, precision, x, null, layout, shift);
                Compare(failures, $"forward{suffix} {label}", forward, y, precision);
                var source = d.BackwardFromOutput ? y : x;
                var backward = run(backwardName + suffix, precision, source, gy, layout, shift);
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
                        precision.Round(run("forward_f32", f32, x, null, layout, shift, null, precision)), exact);
                    Compare(failures, $"backward{suffix} {label} against {backwardName}_f32", backward,
                        precision.Round(run(backwardName + "_f32", f32, source, gy, layout, shift, null, precision)), exact);
                }
                foreach (var k in Enumerable.Range(0, d.Parameters.Count).Where(k => d.Parameters[k].Role == ParameterRole.Learnable))
                {
                    var name = d.Parameters[k].Name;
                    if (!d.Double.ParameterGradients.ContainsKey(name))
                    {
                        failures.Add($"grad_{k}{suffix}: the definition has no C# ∂/∂{name} kernel to compare it with (built by an older ActGen)");
                        continue;
                    }

                    Compare(
                        failures,
                        $"grad_{k}{suffix} {label}",
                        run($"grad_{k}{suffix}", precision, x, gy, layout, shift),
                        ByGroup(d, precision, layout, x.Length, (p, at) => precision.ParameterGradient(d, name, Pick(x, at), Pick(gy, at), p)),
                        precision);
                }

                foreach (var (pair, k) in d.Double.SecondOrder.Select((pair, k) => (pair, k)))
                {
                    var kind = CudaAbi.SecondKind(d, pair.First, pair.Second);
                    Compare(
                        failures,
                        $"{kind}{suffix} {label}",
                        run($"{kind}{suffix}", precision, source, gy, layout, shift, gg),
                        ByGroup(d, precision, layout, x.Length, (p, at) => precision.Second(d, k, Pick(source, at), Pick(gy, at), Pick(gg, at), p)),
                        precision);
                }
            }
        }

        return new KernelCheckResult(d.Name, failures);
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

    private static void Compare(
        List<string> failures, string kernel, double[] actual, double[] expected, Precision precision) =>
        KernelComparison.Compare(failures, kernel, actual, expected, precision, Inputs);
}
