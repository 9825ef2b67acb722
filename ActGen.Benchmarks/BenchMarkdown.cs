using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using static ActGen.Benchmarks.MarkdownTable;

namespace ActGen.Benchmarks;

/// <summary>bench.md: the headline ratios against the targets, then the bound, memory and overhead tables.</summary>
public static class BenchMarkdown
{
    public static string Render(BenchResult result)
    {
        var info = result.Info;
        var text = new StringBuilder();
        text.Append("# ActGen bench\n\n");
        text.Append(CultureInfo.InvariantCulture, $"device {info.Device}; cpu {info.Cpu}; {info.Cores} cores, {info.TorchThreads} torch threads; heap: {(info.WarmHeap ? "warm (freed memory kept, no page faults per call)" : "glibc default (fresh mmap per big tensor)")}; ");
        text.Append(CultureInfo.InvariantCulture, $"sentinel baseline {info.SentinelBaselineMs * 1e3:F1} µs, {info.TotalRetries} rounds retried, {info.SlowRounds} kept still slow after every retry (see bench-details.csv); {info.Seconds:F0} s; tiered JIT {info.TieredCompilation}. {info.Notes}.\n\n");
        text.Append("Ratios: `actgen/builtin` ≤ 1 means actgen is at least as fast (target ≤ 1.0 at n ≥ 2^20); `composed/actgen` is actgen's speed-up over the composed ops (target ≥ 3); `% bound` is the copy-bandwidth bound's time over the median (target ≥ 70 % at 2^24 for relu family, elu, sigmoid). `span` is the bare kernel without autograd or allocation.\n\n");
        if (Targets.Evaluate(result) is { Count: > 0 } verdicts) text.Append(Targets.Render(verdicts)).Append('\n');
        if (result.Steps.Count > 0) text.Append(StepMarkdown.Render(result.Steps)).Append('\n');
        foreach (var phase in Phase.All.Reverse())
            foreach (var dtype in result.Rows.Select(r => r.Row.Dtype).Distinct())
                text.Append(CultureInfo.InvariantCulture, $"## {phase}, {dtype}\n\n").Append(Comparison(result.Rows, phase, dtype)).Append('\n');
        text.Append("## Copy bandwidth (the bound)\n\n").Append(Of(
            ["n", "dtype", "managed copy GB/s", "torch copy_ GB/s"],
            result.Bandwidths.Select(b => (IReadOnlyList<string>)[Pow2(b.N), b.Dtype, Ratio(b.ManagedGBps), Ratio(b.TorchGBps)]))).Append('\n');
        if (result.Memory.Count > 0)
        {
            text.Append("## Memory kept for backward (resident bytes per element beyond x and y, after forward)\n\n").Append(Of(
                ["activation", "actgen", "torch-builtin", "torch-composed"],
                result.Memory.GroupBy(m => m.Activation).Select(g => (IReadOnlyList<string>)
                    [g.Key, .. new[] { ImplName.ActGen, ImplName.Builtin, ImplName.Composed }.Select(i => g.FirstOrDefault(m => m.Impl == i) is { } m ? $"{m.ExtraBytesPerElement:F1} B ({m.TensorEquivalents:F2} t)" : "–")]))).Append('\n');
        }

        if (result.Overheads.Count > 0)
        {
            text.Append("## Per-call overhead (µs per call at tiny n)\n\n").Append(Of(
                ["activation", "n", "dtype", "phase", "actgen", "torch-builtin", "torch-composed", "actgen-span", "custom-function floor"],
                result.Overheads.GroupBy(o => (o.Activation, o.N, o.Dtype, o.Phase)).Select(g => (IReadOnlyList<string>)
                    [g.Key.Activation, g.Key.N.ToString(CultureInfo.InvariantCulture), g.Key.Dtype, g.Key.Phase,
                     .. new[] { ImplName.ActGen, ImplName.Builtin, ImplName.Composed, ImplName.Span, NoOpFunction.ImplName }.Select(i => g.FirstOrDefault(o => o.Impl == i) is { } o ? Ms(o.UsPerCall) : "–")]))).Append('\n');
        }

        if (result.Failures.Count > 0)
        {
            text.Append("## Not timed (failed when probed)\n\n").Append(Of(
                ["activation", "dtype", "impl", "error"],
                result.Failures.Select(f => (IReadOnlyList<string>)[f.Activation, f.Dtype, f.Impl, f.Message.Replace("|", "\\|")]))).Append('\n');
        }

        return text.ToString();
    }

    private static string Comparison(IReadOnlyList<DetailRow> rows, string phase, string dtype) => Of(
        ["activation", "n", "actgen ms", "builtin ms", "composed ms", "span ms", "actgen/builtin", "composed/actgen", "actgen % bound", "span % bound"],
        rows.Where(r => r.Row.Phase == phase && r.Row.Dtype == dtype)
            .GroupBy(r => (r.Row.Activation, r.Row.N))
            .OrderBy(g => g.Key.N).ThenBy(g => g.Key.Activation, StringComparer.Ordinal)
            .Select(g =>
            {
                DetailRow? Get(string impl) => g.FirstOrDefault(r => r.Row.Impl == impl);
                double Ms_(string impl) => Get(impl)?.Row.MedianMs ?? double.NaN;
                var a = Ms_(ImplName.ActGen);
                return (IReadOnlyList<string>)
                [
                    g.Key.Activation, Pow2(g.Key.N), Ms(a), Ms(Ms_(ImplName.Builtin)), Ms(Ms_(ImplName.Composed)), Ms(Ms_(ImplName.Span)),
                    Ratio(a / Ms_(ImplName.Builtin)), Ratio(Ms_(ImplName.Composed) / a),
                    Percent(Get(ImplName.ActGen)?.FractionOfBound ?? double.NaN), Percent(Get(ImplName.Span)?.FractionOfBound ?? double.NaN),
                ];
            }));
}
