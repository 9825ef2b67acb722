using System;
using System.Linq;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>The measured copy bandwidth at one size: the best of a managed parallel copy and libtorch's copy_, each from its fastest sample (the bound is what the machine can do).</summary>
/// <param name="ManagedGBps">Span copy split across the torch threads (2 bytes moved per element byte: read + write); 0 on CUDA.</param>
/// <param name="TorchGBps">libtorch's <c>copy_</c>.</param>
public sealed record Bandwidth(long N, string Dtype, double ManagedGBps, double TorchGBps)
{
    public double BestGBps => Math.Max(ManagedGBps, TorchGBps);

    /// <summary>The least time, in ms, that moving <paramref name="bytes"/> takes at this bandwidth.</summary>
    public double BoundMs(long bytes) => bytes / (BestGBps * 1e9) * 1e3;

    public static Bandwidth Measure(long n, ScalarType dtype, Sentinel sentinel, BenchOptions options)
    {
        using var scope = NewDisposeScope();
        var (src, dst) = (randn(n, dtype: dtype, device: options.Device.Device), empty(n, dtype: dtype, device: options.Device.Device));
        var size = (int)src.element_size();
        var count = checked((int)n);
        Action managed = size == 8
            ? () => SpanKernel.Chunks(count, (s, l) => SpanKernel.Of<double>(src).Slice(s, l).CopyTo(SpanKernel.Of<double>(dst).Slice(s, l)))
            : () => SpanKernel.Chunks(count, (s, l) => SpanKernel.Of<float>(src).Slice(s, l).CopyTo(SpanKernel.Of<float>(dst).Slice(s, l)));
        Subject[] subjects = options.Device.IsCpu
            ? [new Subject("managed", managed), new Subject("torch", () => dst.copy_(src))]
            : [new Subject("torch", () => dst.copy_(src))];
        var timed = Interleaved.Measure(subjects, sentinel, options.Reps, options.MaxRetries, options.MinSampleMs, options.Device.Synchronize);
        double GBps(string name) => timed.SingleOrDefault(t => t.Name == name) is { } t ? 2.0 * n * size / (t.MinMs * 1e-3) / 1e9 : 0;
        return new Bandwidth(n, DtypeName.Of(dtype), GBps("managed"), GBps("torch"));
    }
}
