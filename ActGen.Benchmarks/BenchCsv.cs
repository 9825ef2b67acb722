using System.Linq;
using System.Collections.Generic;
using ActGen.Experiments.Results;

namespace ActGen.Benchmarks;

/// <summary>The CSV files of a bench run: bench.csv with exactly the pinned columns, the rest in their own files.</summary>
public static class BenchCsv
{
    public const string Header = "activation,n,dtype,impl,phase,median_ms,gbps";

    private static string L(long v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<Column<BenchRow>> Pinned =
    [
        new("activation", r => r.Activation),
        new("n", r => L(r.N)),
        new("dtype", r => r.Dtype),
        new("impl", r => r.Impl),
        new("phase", r => r.Phase),
        new("median_ms", r => Csv.Number(r.MedianMs)),
        new("gbps", r => Csv.Number(r.GBps)),
    ];

    public static readonly IReadOnlyList<Column<DetailRow>> Details =
    [
        .. Pinned.Select(c => new Column<DetailRow>(c.Name, d => c.Value(d.Row))),
        new("min_ms", d => Csv.Number(d.MinMs)),
        new("ns_per_element", d => Csv.Number(d.NsPerElement)),
        new("bound_ms", d => Csv.Number(d.BoundMs)),
        new("fraction_of_bound", d => Csv.Number(d.FractionOfBound)),
        new("calls_per_sample", d => Csv.Number(d.CallsPerSample)),
        new("samples", d => Csv.Number(d.Samples)),
        new("retries", d => Csv.Number(d.Retries)),
        new("worst_sentinel", d => Csv.Number(d.WorstSentinel)),
        new("slow_rounds", d => Csv.Number(d.SlowRounds)),
    ];

    public static readonly IReadOnlyList<Column<Bandwidth>> Bandwidths =
    [
        new("n", b => L(b.N)),
        new("dtype", b => b.Dtype),
        new("managed_copy_gbps", b => Csv.Number(b.ManagedGBps)),
        new("torch_copy_gbps", b => Csv.Number(b.TorchGBps)),
        new("bound_gbps", b => Csv.Number(b.BestGBps)),
    ];

    public static readonly IReadOnlyList<Column<MemoryRow>> Memory =
    [
        new("activation", m => m.Activation),
        new("impl", m => m.Impl),
        new("n", m => L(m.N)),
        new("dtype", m => m.Dtype),
        new("extra_bytes_per_element", m => Csv.Number(m.ExtraBytesPerElement)),
        new("tensor_equivalents", m => Csv.Number(m.TensorEquivalents)),
    ];

    public static readonly IReadOnlyList<Column<OverheadRow>> Overhead =
    [
        new("activation", o => o.Activation),
        new("n", o => L(o.N)),
        new("dtype", o => o.Dtype),
        new("impl", o => o.Impl),
        new("phase", o => o.Phase),
        new("us_per_call", o => Csv.Number(o.UsPerCall)),
    ];

    public static readonly IReadOnlyList<Column<StepRow>> Step =
    [
        new("activation", r => r.Activation),
        new("impl", r => r.Impl),
        new("depth", r => Csv.Number(r.Depth)),
        new("width", r => Csv.Number(r.Width)),
        new("batch", r => Csv.Number(r.Batch)),
        new("median_ms", r => Csv.Number(r.MedianMs)),
        new("min_ms", r => Csv.Number(r.MinMs)),
        new("samples", r => Csv.Number(r.Samples)),
        new("retries", r => Csv.Number(r.Retries)),
        new("worst_sentinel", r => Csv.Number(r.WorstSentinel)),
        new("slow_rounds", r => Csv.Number(r.SlowRounds)),
    ];
}
