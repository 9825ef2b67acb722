using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ActGen.Experiments.Reporting;

/// <summary>
/// The mean and sample standard deviation of one quantity over the seeds of a run group, from its finite values only;
/// <see cref="Count"/> says how many there were (a single seed has no spread, and says so by printing none).
/// </summary>
public sealed record Stat(double Mean, double Sd, int Count)
{
    public static Stat Of(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return new Stat(double.NaN, double.NaN, 0);
        var mean = finite.Average();
        var sd = finite.Length < 2 ? double.NaN : Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1));
        return new Stat(mean, sd, finite.Length);
    }

    /// <summary>"0.123 ± 0.004" over several seeds, "0.123" for one, "–" for none.</summary>
    public string Format(string format = "0.000") =>
        Count == 0 ? "–"
        : Count == 1 || !double.IsFinite(Sd) ? Mean.ToString(format, CultureInfo.InvariantCulture)
        : $"{Mean.ToString(format, CultureInfo.InvariantCulture)} ± {Sd.ToString(format, CultureInfo.InvariantCulture)}";
}
