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
        var others = impls.Where(i => i != ImplName.ActGen).ToArray();
        var first = steps[0];
        var header = string.Create(CultureInfo.InvariantCulture,
            $"## Training step ({first.Depth} hidden layers of {first.Width}, batch {first.Batch}, SGD; ms per step)\n\n");
        var note = "`actgen/X` ≤ 1 means ActGen's module makes the step at least as fast as X (target ≤ 1.0 against builtin, " +
            "≤ 0.5 against composed where there is no builtin); `worst sentinel` is the largest sentinel/baseline ratio of the rounds kept.\n\n";
        return header + note + Of(
            ["activation", .. impls.Select(i => i + " ms"), .. others.Select(i => $"actgen/{i}"), "worst sentinel", "slow rounds"],
            steps.GroupBy(s => s.Activation).Select(g =>
            {
                double Median(string impl) => g.FirstOrDefault(s => s.Impl == impl)?.MedianMs ?? double.NaN;
                return (IReadOnlyList<string>)
                [
                    g.Key, .. impls.Select(i => Ms(Median(i))), .. others.Select(i => Ratio(Median(ImplName.ActGen) / Median(i))),
                    Ratio(g.Max(s => s.WorstSentinel)), g.Max(s => s.SlowRounds).ToString(CultureInfo.InvariantCulture),
                ];
            }));
    }
}
