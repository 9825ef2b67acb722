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

    public static Tensor Forward(Tensor x, ActivationDefinition definition, double[] parameters)
    {
        var y = empty_like(x);
        if (x.dtype == ScalarType.Float64)
        {
            Chunks(x.numel(), (start, length) =>
                definition.Double.Forward(Span<double>(x).Slice(start, length), Span<double>(y).Slice(start, length), parameters));
        }
        else
        {
            Chunks(x.numel(), (start, length) =>
                definition.Single.Forward(Span<float>(x).Slice(start, length), Span<float>(y).Slice(start, length), parameters));
        }

        return y;
    }

    /// <summary>gradOutput · f′(x), or gradOutput · ∂f/∂θ per element with the parameter's kernels.</summary>
    public static Tensor Backward(Tensor x, Tensor gradOutput, SpanBackward<double> @double, SpanBackward<float> single, double[] parameters)
    {
        var g = gradOutput.is_contiguous() ? gradOutput : gradOutput.contiguous();
        var result = empty_like(x);
        if (x.dtype == ScalarType.Float64)
        {
            Chunks(x.numel(), (start, length) => @double(
                Span<double>(x).Slice(start, length), Span<double>(g).Slice(start, length), Span<double>(result).Slice(start, length), parameters));
        }
        else
        {
            Chunks(x.numel(), (start, length) => single(
                Span<float>(x).Slice(start, length), Span<float>(g).Slice(start, length), Span<float>(result).Slice(start, length), parameters));
        }

        return result;
    }

    /// <summary>f(x) with the one tensor parameter given per element (<paramref name="each"/>, shaped like x).</summary>
    public static Tensor ForwardEach(Tensor x, Tensor each, ActivationDefinition definition, double[] parameters)
    {
        var y = empty_like(x);
        if (x.dtype == ScalarType.Float64)
        {
            var kernel = definition.Double.PerElement!.Forward;
            Chunks(x.numel(), (start, length) => kernel(
                Span<double>(x).Slice(start, length), Span<double>(y).Slice(start, length), Span<double>(each).Slice(start, length), parameters));
        }
        else
        {
            var kernel = definition.Single.PerElement!.Forward;
            Chunks(x.numel(), (start, length) => kernel(
                Span<float>(x).Slice(start, length), Span<float>(y).Slice(start, length), Span<float>(each).Slice(start, length), parameters));
        }

        return y;
    }

    /// <summary>gradOutput · f′(x) with the one tensor parameter given per element.</summary>
    public static Tensor BackwardEach(Tensor x, Tensor gradOutput, Tensor each, ActivationDefinition definition, double[] parameters)
    {
        var g = gradOutput.is_contiguous() ? gradOutput : gradOutput.contiguous();
        var result = empty_like(x);
        if (x.dtype == ScalarType.Float64)
        {
            var kernel = definition.Double.PerElement!.Backward;
            Chunks(x.numel(), (start, length) => kernel(
                Span<double>(x).Slice(start, length), Span<double>(g).Slice(start, length), Span<double>(result).Slice(start, length), Span<double>(each).Slice(start, length), parameters));
        }
        else
        {
            var kernel = definition.Single.PerElement!.Backward;
            Chunks(x.numel(), (start, length) => kernel(
                Span<float>(x).Slice(start, length), Span<float>(g).Slice(start, length), Span<float>(result).Slice(start, length), Span<float>(each).Slice(start, length), parameters));
        }

        return result;
    }

    /// <summary>Fills a contiguous float32/float64 CPU tensor with U(lower, upper) from <see cref="CounterUniform"/>, in parallel.</summary>
    public static void Fill(Tensor t, ulong seed, double lower, double upper)
    {
        if (t.dtype == ScalarType.Float64)
        {
            Chunks(t.numel(), (start, length) => CounterUniform.Fill(Span<double>(t).Slice(start, length), seed, start, lower, upper));
        }
        else
        {
            Chunks(t.numel(), (start, length) => CounterUniform.Fill(Span<float>(t).Slice(start, length), seed, start, lower, upper));
        }
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
