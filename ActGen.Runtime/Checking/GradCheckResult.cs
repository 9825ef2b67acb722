using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ActGen;

/// <summary>The check of one differentiable argument: the input (<c>"input"</c>) or a parameter (<c>"parameter 0"</c>, …).</summary>
/// <param name="WorstIndex">The flat index of the entry furthest outside the tolerance (or the largest error when all pass).</param>
public sealed record GradCheckEntry(
    string Argument,
    bool Passed,
    double MaxAbsoluteError,
    double MaxRelativeError,
    long WorstIndex,
    double Analytical,
    double Numerical)
{
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0}: {1}; max abs error {2:E3}, max rel error {3:E3}; worst at index {4}: analytical {5:R}, numerical {6:R}",
        Argument, Passed ? "passed" : "FAILED", MaxAbsoluteError, MaxRelativeError, WorstIndex, Analytical, Numerical);
}

/// <summary>What <see cref="GradCheck.Check(System.Func{TorchSharp.torch.Tensor, TorchSharp.torch.Tensor}, TorchSharp.torch.Tensor, GradCheckOptions?)"/> found, per argument.</summary>
public sealed record GradCheckResult(IReadOnlyList<GradCheckEntry> Entries, GradCheckOptions Options)
{
    public bool Passed => Entries.All(e => e.Passed);

    public double MaxAbsoluteError => Entries.Max(e => e.MaxAbsoluteError);

    public double MaxRelativeError => Entries.Max(e => e.MaxRelativeError);

    /// <summary>The first argument that failed, or null.</summary>
    public GradCheckEntry? FirstFailure => Entries.FirstOrDefault(e => !e.Passed);

    public override string ToString() => string.Join("\n", Entries.Select(e => e.ToString()));
}
