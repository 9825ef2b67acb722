using System.Collections.Generic;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>What one <c>actgen-bench</c> run measures.</summary>
/// <param name="Activations">Bench case names (see <see cref="BenchCatalog"/>).</param>
/// <param name="Sizes">Element counts n.</param>
/// <param name="Reps">Samples per measurement (the median is reported).</param>
/// <param name="MaxRetries">Re-takes of a round whose sentinel says the machine was in a slow spell.</param>
/// <param name="MinSampleMs">Calls are batched until one sample lasts at least this long.</param>
/// <param name="WarmHeap">Keep freed memory in the heap (no fresh mmap and page faults per big tensor).</param>
/// <param name="Memory">Measure the memory each implementation keeps for backward.</param>
/// <param name="OverheadSize">The tiny n at which per-call overhead is measured.</param>
public sealed record BenchOptions(
    IReadOnlyList<string> Activations,
    IReadOnlyList<long> Sizes,
    IReadOnlyList<ScalarType> Dtypes,
    int Reps,
    int MaxRetries,
    double MinSampleMs,
    bool WarmHeap,
    bool Memory,
    long OverheadSize,
    string OutDir)
{
    /// <summary>Where the tensors live (CPU unless <c>--device cuda</c>).</summary>
    public BenchDevice Device { get; init; } = BenchDevice.Cpu;

    /// <summary>Time the per-activation kernels (bench.csv and the files beside it).</summary>
    public bool Kernels { get; init; } = true;

    /// <summary>The training step to time with every activation's modules (step.csv), or null for none.</summary>
    public StepSettings? Step { get; init; } = StepSettings.Default;

    public static IReadOnlyList<string> QuickActivations { get; } = ["relu", "elu", "sigmoid", "gelu", "swish"];

    public static BenchOptions Full(string outDir) => new(
        BenchCatalog.Names, [1L << 12, 1L << 14, 1L << 16, 1L << 18, 1L << 20, 1L << 22, 1L << 24],
        [ScalarType.Float32, ScalarType.Float64], Reps: 7, MaxRetries: 3, MinSampleMs: 5, WarmHeap: true, Memory: true,
        OverheadSize: 16, outDir);

    public static BenchOptions Quick(string outDir) => new(
        QuickActivations, [1L << 12, 1L << 16, 1L << 20, 1L << 22],
        [ScalarType.Float32], Reps: 5, MaxRetries: 2, MinSampleMs: 3, WarmHeap: true, Memory: true,
        OverheadSize: 16, outDir);
}
