using System;
using System.Collections.Generic;
using System.Linq;

namespace ActGen.Experiments.Kernels;

/// <summary>A kernel's values against the reference, element by element, as the host check compares them.</summary>
internal static class KernelComparison
{
    /// <summary>
    /// Adds a failure naming the first element (and its input) where <paramref name="actual"/> is not
    /// <paramref name="expected"/> within the precision's tolerance (NaN with NaN, infinities exactly).
    /// </summary>
    public static void Compare(
        List<string> failures,
        string kernel,
        double[] actual,
        double[] expected,
        Precision precision,
        double[] inputs)
    {
        if (actual.Length == 0)
        {
            failures.Add($"{kernel}: no kernel");
            return;
        }

        var worst = Enumerable.Range(0, expected.Length)
            .Where(i => !Same(actual[i], expected[i], precision))
            .Select(i => $"x = {inputs[i]}: {actual[i]} against {expected[i]}")
            .FirstOrDefault();
        if (worst is not null)
        {
            failures.Add($"{kernel}: {worst}");
        }
    }

    private static bool Same(double a, double b, Precision precision) =>
        double.IsNaN(a) ? double.IsNaN(b)
        : double.IsInfinity(a) || double.IsInfinity(b) ? a.Equals(b)
        : Math.Abs(a - b) <= precision.Absolute + precision.Relative * Math.Abs(b);
}
