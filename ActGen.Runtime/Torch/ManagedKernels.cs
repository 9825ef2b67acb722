using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>
/// Runs generated span kernels directly over CPU tensor memory, split into chunks across
/// <c>torch.get_num_threads()</c> workers. Only for contiguous float32/float64 CPU tensors.
/// </summary>
internal static class ManagedKernels
{
    private const int MinChunk = 1 << 15;

    public static bool Applies(Tensor x, params Tensor?[] others)
    {
        bool Fits(Tensor t) => t.device_type == DeviceType.CPU && t.is_contiguous() && t.dtype == x.dtype;
        return KernelPathSetting.Path == KernelPath.Auto
            && x.dtype is ScalarType.Float32 or ScalarType.Float64
            && Fits(x)
            && Array.TrueForAll(others, t => t is null || Fits(t));
    }

    private static bool IsDouble(Tensor t) => t.dtype == ScalarType.Float64;

    public static Tensor Forward(Tensor x, ActivationDefinition definition, double[] parameters) =>
        IsDouble(x) ? Forward(x, definition.Double.Forward, parameters) : Forward(x, definition.Single.Forward, parameters);

    /// <summary>gradOutput · f′(x), or gradOutput · ∂f/∂θ per element with the parameter's kernels.</summary>
    public static Tensor Backward(Tensor x, Tensor gradOutput, SpanBackward<double> @double, SpanBackward<float> single, double[] parameters) =>
        IsDouble(x) ? Backward(x, Contiguous(gradOutput), @double, parameters) : Backward(x, Contiguous(gradOutput), single, parameters);

    /// <summary>f(x) with the one tensor parameter given per element (<paramref name="each"/>, shaped like x).</summary>
    public static Tensor ForwardEach(Tensor x, Tensor each, ActivationDefinition definition, double[] parameters) =>
        IsDouble(x)
            ? ForwardEach(x, each, definition.Double.PerElement!.Forward, parameters)
            : ForwardEach(x, each, definition.Single.PerElement!.Forward, parameters);

    /// <summary>gradOutput · f′(x) with the one tensor parameter given per element.</summary>
    public static Tensor BackwardEach(Tensor x, Tensor gradOutput, Tensor each, ActivationDefinition definition, double[] parameters) =>
        IsDouble(x)
            ? BackwardEach(x, Contiguous(gradOutput), each, definition.Double.PerElement!.Backward, parameters)
            : BackwardEach(x, Contiguous(gradOutput), each, definition.Single.PerElement!.Backward, parameters);

    /// <summary>Fills a contiguous float32/float64 CPU tensor with U(lower, upper) from <see cref="CounterUniform"/>, in parallel.</summary>
    public static void Fill(Tensor t, ulong seed, double lower, double upper)
    {
        if (IsDouble(t))
        {
            Chunks(t.numel(), (start, length) => CounterUniform.Fill(Span<double>(t).Slice(start, length), seed, start, lower, upper));
        }
        else
        {
            Chunks(t.numel(), (start, length) => CounterUniform.Fill(Span<float>(t).Slice(start, length), seed, start, lower, upper));
        }
    }

    private static Tensor Contiguous(Tensor t) => t.is_contiguous() ? t : t.contiguous();

    private static Tensor Forward<T>(Tensor x, SpanForward<T> kernel, double[] parameters)
        where T : unmanaged
    {
        var y = empty_like(x);
        Blocks([x, y], SpanLimit, v => Chunks(v[0].numel(), (start, length) =>
            kernel(Span<T>(v[0]).Slice(start, length), Span<T>(v[1]).Slice(start, length), parameters)));
        return y;
    }

    private static Tensor Backward<T>(Tensor x, Tensor g, SpanBackward<T> kernel, double[] parameters)
        where T : unmanaged
    {
        var result = empty_like(x);
        Blocks([x, g, result], SpanLimit, v => Chunks(v[0].numel(), (start, length) => kernel(
            Span<T>(v[0]).Slice(start, length), Span<T>(v[1]).Slice(start, length), Span<T>(v[2]).Slice(start, length), parameters)));
        return result;
    }

    private static Tensor ForwardEach<T>(Tensor x, Tensor each, SpanForwardEach<T> kernel, double[] parameters)
        where T : unmanaged
    {
        var y = empty_like(x);
        Blocks([x, y, each], SpanLimit, v => Chunks(v[0].numel(), (start, length) => kernel(
            Span<T>(v[0]).Slice(start, length), Span<T>(v[1]).Slice(start, length), Span<T>(v[2]).Slice(start, length), parameters)));
        return y;
    }

    private static Tensor BackwardEach<T>(Tensor x, Tensor g, Tensor each, SpanBackwardEach<T> kernel, double[] parameters)
        where T : unmanaged
    {
        var result = empty_like(x);
        Blocks([x, g, result, each], SpanLimit, v => Chunks(v[0].numel(), (start, length) => kernel(
            Span<T>(v[0]).Slice(start, length),
            Span<T>(v[1]).Slice(start, length),
            Span<T>(v[2]).Slice(start, length),
            Span<T>(v[3]).Slice(start, length),
            parameters)));
        return result;
    }

    /// <summary>A span covers at most int.MaxValue bytes.</summary>
    private const long SpanLimit = int.MaxValue;

    /// <summary>
    /// Runs <paramref name="body"/> on the tensors themselves where each holds at most <paramref name="limitBytes"/>, else
    /// on flat views of consecutive blocks of them (same offsets in each), every block below the limit: contiguous tensors
    /// of 2^31 bytes or more then work as libtorch's own ops do. Each block's views are released as soon as it is done.
    /// The tensors are held until the body returns: a span over a tensor's memory does not keep the tensor alive.
    /// </summary>
    internal static void Blocks(Tensor[] tensors, long limitBytes, Action<Tensor[]> body)
    {
        var count = tensors[0].numel();
        var size = tensors[0].dtype == ScalarType.Float64 ? sizeof(double) : sizeof(float);
        if (count * size <= limitBytes)
        {
            body(tensors);
            GC.KeepAlive(tensors);
            return;
        }

        var block = Math.Max(1, limitBytes / size);
        for (long start = 0; start < count; start += block)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(block, count - start);
            body(Array.ConvertAll(tensors, t => t.view(-1).narrow(0, start, length)));
        }

        GC.KeepAlive(tensors);
    }

    private static Span<T> Span<T>(Tensor t)
        where T : unmanaged => MemoryMarshal.Cast<byte, T>(t.bytes);

    /// <summary>Runs <paramref name="body"/>(start, length) over [0, count) in one chunk per torch thread, at least 2^15 elements each.</summary>
    internal static void Chunks(long count, Action<int, int> body)
    {
        var n = checked((int)count);
        var workers = Math.Max(1, Math.Min(torch.get_num_threads(), n / MinChunk));
        if (workers == 1)
        {
            body(0, n);
            return;
        }

        var size = (n + workers - 1) / workers;
        Parallel.For(0, workers, w =>
        {
            var start = w * size;
            body(start, Math.Min(size, n - start));
        });
    }
}
