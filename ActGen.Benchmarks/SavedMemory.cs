using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>
/// Measures what each implementation keeps for backward: the resident memory still held after its forward once every
/// managed handle but y's is released (so only what the autograd graph references stays), minus y itself. At 2^24
/// float32 each tensor is a 64 MiB block that glibc maps and unmaps on its own, so the difference counts whole saved
/// tensors (and masks). Must run before <see cref="Heap.KeepFreedMemory"/>, which stops blocks from being unmapped.
/// </summary>
public static class SavedMemory
{
    public const long DefaultN = 1L << 24;

    public static IReadOnlyList<MemoryRow> Measure(IEnumerable<(BenchCase Case, IReadOnlyList<Impl> Impls)> cases, long n, ScalarType dtype) =>
        cases.SelectMany(c => Measure(c.Case, c.Impls, n, dtype)).ToArray();

    private static IEnumerable<MemoryRow> Measure(BenchCase benchCase, IReadOnlyList<Impl> impls, long n, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var x = randn(n, dtype: dtype).requires_grad_(true);
        var size = (int)x.element_size();
        foreach (var impl in impls)
        {
            var extra = Stats.Median(Enumerable.Range(0, 3).Select(_ => ExtraBytes(impl, x)));
            yield return new MemoryRow(benchCase.Name, impl.Name, n, DtypeName.Of(dtype), extra / n, extra / n / size);
        }
    }

    private static double ExtraBytes(Impl impl, Tensor x)
    {
        Settle();
        var before = Heap.ResidentBytes();
        Tensor y;
        using (var inner = NewDisposeScope())
        {
            y = impl.Apply(x);
            inner.MoveToOuter(y);
        }

        Settle();
        var after = Heap.ResidentBytes();
        var extra = after - before - y.numel() * y.element_size();
        y.Dispose();
        Settle();
        return Math.Max(0, extra);
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Heap.Trim();
    }
}
