using System.Collections.Generic;

namespace ActGen.Benchmarks;

/// <summary>One line of bench.csv (the pinned columns).</summary>
public sealed record BenchRow(string Activation, long N, string Dtype, string Impl, string Phase, double MedianMs, double GBps);

/// <summary>A bench.csv line with what else the run knows about it (written to bench-details.csv).</summary>
/// <param name="BoundMs">The least time the phase's bytes take at the copy bandwidth measured at this n.</param>
public sealed record DetailRow(BenchRow Row, double MinMs, int CallsPerSample, int Samples, int Retries, double WorstSentinel, int SlowRounds, double BoundMs)
{
    /// <summary>The share of the bandwidth bound reached: 1 means as fast as a copy of the same bytes.</summary>
    public double FractionOfBound => BoundMs / Row.MedianMs;

    public double NsPerElement => Row.MedianMs * 1e6 / Row.N;
}

/// <summary>Memory an implementation keeps alive from forward to backward beyond x and y, per element.</summary>
/// <param name="ExtraBytesPerElement">Resident bytes held by the autograd graph after forward, minus y's, over n.</param>
/// <param name="TensorEquivalents">The same in n-element tensors of the dtype.</param>
public sealed record MemoryRow(string Activation, string Impl, long N, string Dtype, double ExtraBytesPerElement, double TensorEquivalents);

/// <summary>The cost of one call at a tiny n: TorchSharp's and autograd's per-call overhead.</summary>
public sealed record OverheadRow(string Activation, long N, string Dtype, string Impl, string Phase, double UsPerCall);

/// <summary>How the run went: settings that shape the numbers.</summary>
public sealed record RunInfo(
    string Device, bool WarmHeap, int TorchThreads, int Cores, double SentinelBaselineMs, int TotalRetries, int SlowRounds, double Seconds,
    string TieredCompilation, string Notes, string Cpu);

/// <summary>Everything one bench run measured.</summary>
public sealed record BenchResult(
    IReadOnlyList<DetailRow> Rows,
    IReadOnlyList<Bandwidth> Bandwidths,
    IReadOnlyList<MemoryRow> Memory,
    IReadOnlyList<OverheadRow> Overheads,
    IReadOnlyList<Failure> Failures,
    RunInfo Info)
{
    /// <summary>The training step with each implementation's modules (empty when not measured).</summary>
    public IReadOnlyList<StepRow> Steps { get; init; } = [];
}
