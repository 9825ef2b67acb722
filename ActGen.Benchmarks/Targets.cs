using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ActGen.Benchmarks;

/// <summary>
/// One target of issue #12 for one activation, judged from a single run's measurements.
/// </summary>
/// <param name="Target">Which target (see <see cref="Targets"/>' constants).</param>
/// <param name="Activation">The bench case it is judged for.</param>
/// <param name="Met">Whether every measurement in scope meets it.</param>
/// <param name="Cases">How many measurements were in scope, and how many met it.</param>
/// <param name="Worst">The worst value in scope and where it was measured (dtype, phase, n or implementation).</param>
public sealed record Verdict(string Target, string Activation, bool Met, int Cases, int MetCases, double Worst, string WorstAt);

/// <summary>
/// The targets of issue #12, each evaluated per activation from one <see cref="BenchResult"/>: the report says met or
/// missed from the same numbers it prints, and the README quotes the report.
/// </summary>
public static class Targets
{
    public const string StepVsBuiltin = "step ≤ 1.0× builtin";
    public const string StepUserVsComposed = "step ≤ 0.5× composed (user activation)";
    public const string KernelVsBuiltin = "kernel ≤ 1.0× builtin (2^16…2^24)";
    public const string KernelVsComposed = "kernel ≥ 3× faster than composed (2^16…2^24)";
    public const string Bound = "≥ 70 % of the copy bound at 2^24";
    public const string SavedTensors = "at most one saved tensor";

    /// <summary>The activations the issue calls memory-bound: the ReLU and ELU families, sigmoid, tanh and the hard ones.</summary>
    public static IReadOnlySet<string> MemoryBound { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "relu", "leaky_relu", "relu6", "prelu", "elu", "selu", "celu", "sigmoid", "tanh", "hardsigmoid", "hardswish", "hardtanh",
    };

    private const long SmallestKernelN = 1L << 16;
    private const long BoundN = 1L << 24;

    public static IReadOnlyList<Verdict> Evaluate(BenchResult result) =>
        [.. Step(result.Steps), .. Kernels(result.Rows), .. Memory(result.Memory)];

    private static IEnumerable<Verdict> Step(IReadOnlyList<StepRow> steps) =>
        steps.GroupBy(s => s.Activation).SelectMany(g =>
        {
            double? Median(string impl) => g.FirstOrDefault(s => s.Impl == impl)?.MedianMs;
            var ours = new[] { ImplName.ActGen, StepCase.Fused }.Where(i => Median(i) is not null).ToArray();
            return Median(ImplName.Builtin) is { } builtin
                ? [Judge(StepVsBuiltin, g.Key, ours.Select(i => (Median(i)!.Value / builtin, i)), r => r <= 1.0, worstIsLargest: true)]
                : Median(ImplName.Composed) is { } composed
                    ? new[] { Judge(StepUserVsComposed, g.Key, ours.Select(i => (Median(i)!.Value / composed, i)), r => r <= 0.5, worstIsLargest: true) }
                    : [];
        });

    private static IEnumerable<Verdict> Kernels(IReadOnlyList<DetailRow> rows)
    {
        var byCase = rows.GroupBy(r => (r.Row.Activation, r.Row.Dtype, r.Row.Phase, r.Row.N))
            .Select(g => (Key: g.Key, ActGen: g.FirstOrDefault(r => r.Row.Impl == ImplName.ActGen),
                Builtin: g.FirstOrDefault(r => r.Row.Impl == ImplName.Builtin)?.Row.MedianMs,
                Composed: g.FirstOrDefault(r => r.Row.Impl == ImplName.Composed)?.Row.MedianMs))
            .Where(c => c.ActGen is not null)
            .ToArray();
        foreach (var activation in byCase.Select(c => c.Key.Activation).Distinct())
        {
            var mine = byCase.Where(c => c.Key.Activation == activation).ToArray();
            var inScope = mine.Where(c => c.Key.N >= SmallestKernelN).ToArray();
            string At((string Activation, string Dtype, string Phase, long N) k) => $"{k.Dtype} {k.Phase} {MarkdownTable.Pow2(k.N)}";
            var builtin = inScope.Where(c => c.Builtin is not null).Select(c => (c.ActGen!.Row.MedianMs / c.Builtin!.Value, At(c.Key))).ToArray();
            if (builtin.Length > 0) yield return Judge(KernelVsBuiltin, activation, builtin, r => r <= 1.0, worstIsLargest: true);
            var composed = inScope.Where(c => c.Composed is not null).Select(c => (c.Composed!.Value / c.ActGen!.Row.MedianMs, At(c.Key))).ToArray();
            if (composed.Length > 0) yield return Judge(KernelVsComposed, activation, composed, r => r >= 3.0, worstIsLargest: false);
            var bound = mine.Where(c => c.Key.N == BoundN && MemoryBound.Contains(activation) && !double.IsNaN(c.ActGen!.FractionOfBound))
                .Select(c => (c.ActGen!.FractionOfBound, At(c.Key))).ToArray();
            if (bound.Length > 0) yield return Judge(Bound, activation, bound, f => f >= 0.70, worstIsLargest: false);
        }
    }

    private static IEnumerable<Verdict> Memory(IReadOnlyList<MemoryRow> memory) =>
        memory.Where(m => m.Impl == ImplName.ActGen)
            .Select(m => Judge(SavedTensors, m.Activation, [(m.TensorEquivalents, $"{m.Dtype} {MarkdownTable.Pow2(m.N)}")], t => t <= 1.0, worstIsLargest: true));

    private static Verdict Judge(string target, string activation, IEnumerable<(double Value, string At)> values, Func<double, bool> meets, bool worstIsLargest)
    {
        var all = values.ToArray();
        var worst = worstIsLargest ? all.MaxBy(v => v.Value) : all.MinBy(v => v.Value);
        var met = all.Count(v => meets(v.Value));
        return new Verdict(target, activation, met == all.Length && all.Length > 0, all.Length, met, worst.Value, worst.At ?? "");
    }

    /// <summary>bench.md's section: one row per target and activation, worst value first where missed.</summary>
    public static string Render(IReadOnlyList<Verdict> verdicts) =>
        "## Targets (from this run's numbers)\n\n" +
        "`met` counts the measurements in scope that meet the target; `worst` is the worst of them and where it was taken " +
        "(step ratios: the implementation; kernel ratios: actgen/builtin, composed/actgen; bound: the share reached; " +
        "memory: extra tensors kept for backward).\n\n" +
        MarkdownTable.Of(["target", "activation", "verdict", "met", "worst", "at"],
            verdicts.Select(v => (IReadOnlyList<string>)
            [
                v.Target, v.Activation, v.Met ? "met" : "**missed**",
                string.Create(CultureInfo.InvariantCulture, $"{v.MetCases}/{v.Cases}"),
                v.Target == Bound ? MarkdownTable.Percent(v.Worst) : MarkdownTable.Ratio(v.Worst), v.WorstAt,
            ]));

    public static string Csv(IReadOnlyList<Verdict> verdicts) =>
        "target,activation,met,cases,met_cases,worst,worst_at\n" + string.Concat(verdicts.Select(v => string.Create(CultureInfo.InvariantCulture,
            $"{v.Target},{v.Activation},{(v.Met ? "yes" : "no")},{v.Cases},{v.MetCases},{v.Worst:R},{v.WorstAt}\n")));
}
