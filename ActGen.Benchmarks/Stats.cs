using System;
using System.Collections.Generic;
using System.Linq;

namespace ActGen.Benchmarks;

/// <summary>Order statistics of timings.</summary>
public static class Stats
{
    public static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    /// <summary>The q-quantile with linear interpolation between order statistics.</summary>
    public static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(values));
        var position = q * (sorted.Length - 1);
        var (lo, hi) = ((int)Math.Floor(position), (int)Math.Ceiling(position));
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
    }
}
