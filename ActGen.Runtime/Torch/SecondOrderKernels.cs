using System;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>Runs a generated second-order span kernel over contiguous CPU tensors, in chunks as the first order does.</summary>
internal static class SecondOrderKernels
{
    /// <summary>Fused second-order kernel calls on this thread (CPU backward runs on the caller's thread): tests read it.</summary>
    [ThreadStatic]
    internal static int Runs;

    /// <summary>gradGradInput · gradOutput · ∂²f/∂a∂b per element; every tensor contiguous, of one dtype and shape.</summary>
    public static Tensor Run(Tensor source, Tensor gradOutput, Tensor gradGradInput, SpanSecondBackward<double> @double,
        SpanSecondBackward<float> single, double[] parameters)
    {
        Runs++;
        return source.dtype == ScalarType.Float64
            ? Run(source, gradOutput, gradGradInput, @double, parameters)
            : Run(source, gradOutput, gradGradInput, single, parameters);
    }

    private static Tensor Run<T>(Tensor source, Tensor gradOutput, Tensor gradGradInput, SpanSecondBackward<T> kernel, double[] parameters)
        where T : unmanaged
    {
        var result = empty_like(source);
        Tensor[] tensors = [source, gradOutput, gradGradInput, result];
        ManagedKernels.Blocks(tensors, int.MaxValue, v => ManagedKernels.Chunks(v[0].numel(), (start, length) => kernel(
                Span<T>(v[0]).Slice(start, length),
                Span<T>(v[1]).Slice(start, length),
                Span<T>(v[2]).Slice(start, length),
                Span<T>(v[3]).Slice(start, length),
                parameters)));
        return result;
    }

    private static Span<T> Span<T>(Tensor t)
        where T : unmanaged => MemoryMarshal.Cast<byte, T>(t.bytes);
}
