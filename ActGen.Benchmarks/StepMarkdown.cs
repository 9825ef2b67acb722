using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static ActGen.Benchmarks.MarkdownTable;

namespace ActGen.Benchmarks;

/// <summary>bench.md's section on the training step: ms per step per implementation and the same-run ratios.</summary>
public static class StepMarkdown
{
    public static string Render(IReadOnlyList<StepRow> steps)
    {
        var impls = steps.Select(s => s.Impl).Distinct().ToArray();
        var ours = impls.Where(i => i is ImplName.ActGen or StepCase.Fused).ToArray();
        var theirs = impls.Where(i => i is ImplName.Builtin or ImplName.Composed).ToArray();
        var ratios = ours.SelectMany(o => theirs.Select(t => (Ours: o, Theirs: t))).ToArray();
        var first = steps[0];
        var header = string.Create(CultureInfo.InvariantCulture,
            $"## Training step ({first.Depth} hidden layers of {first.Width}, batch {first.Batch}, SGD; ms per step)\n\n");
        var note = "`A/B` ≤ 1 means the step with A is at least as fast as with B (target for actgen: ≤ 1.0 against builtin, " +
            "≤ 0.5 against composed for a user activation); `worst sentinel` is the largest sentinel/baseline ratio of the rounds " +
            "kept, `slow rounds` how many were kept above the threshold after every retry.\n\n";
        return header + note + Of(
            ["activation", .. impls.Select(i => i + " ms"), .. ratios.Select(r => $"{r.Ours}/{r.Theirs}"), "worst sentinel", "slow rounds"],
            steps.GroupBy(s => s.Activation).Select(g =>
            {
                double Median(string impl) => g.FirstOrDefault(s => s.Impl == impl)?.MedianMs ?? double.NaN;
                return (IReadOnlyList<string>)
                [
                    g.Key, .. impls.Select(i => Ms(Median(i))), .. ratios.Select(r => Ratio(Median(r.Ours) / Median(r.Theirs))),
                    Ratio(g.Max(s => s.WorstSentinel)), g.Max(s => s.SlowRounds).ToString(CultureInfo.InvariantCulture),
                ];
            }));
    }
}
