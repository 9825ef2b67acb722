using System;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>
/// The bare generated span kernels over preallocated tensor memory, split across threads as the autograd path
/// splits them (<c>ManagedKernels</c>): what the kernels cost without TorchSharp, autograd or allocation. Backward
/// reads what the autograd function saves: x, or the forward's y where f′ is written in the output.
/// </summary>
public static class SpanKernel
{
    public static Action Call(string phase, ActivationDefinition definition, double[] parameters, Tensor x, Tensor gy)
    {
        var (xd, y, gx) = (x.detach(), empty_like(x).detach(), empty_like(x).detach());
        var n = checked((int)x.numel());
        var saved = definition.BackwardFromOutput ? y : xd;
        if (x.dtype == ScalarType.Float64)
        {
            var k = definition.Double;
            void Fwd() => Chunks(n, (s, l) => k.Forward(Of<double>(xd).Slice(s, l), Of<double>(y).Slice(s, l), parameters));
            void Bwd() => Chunks(n, (s, l) => k.Backward(Of<double>(saved).Slice(s, l), Of<double>(gy).Slice(s, l), Of<double>(gx).Slice(s, l), parameters));
            return phase == Phase.Forward ? Fwd : () => { Fwd(); Bwd(); };
        }
        else
        {
            var k = definition.Single;
            void Fwd() => Chunks(n, (s, l) => k.Forward(Of<float>(xd).Slice(s, l), Of<float>(y).Slice(s, l), parameters));
            void Bwd() => Chunks(n, (s, l) => k.Backward(Of<float>(saved).Slice(s, l), Of<float>(gy).Slice(s, l), Of<float>(gx).Slice(s, l), parameters));
            return phase == Phase.Forward ? Fwd : () => { Fwd(); Bwd(); };
        }
    }

    internal static Span<T> Of<T>(Tensor t)
        where T : unmanaged => MemoryMarshal.Cast<byte, T>(t.bytes);

    /// <summary>The split the autograd path uses (<see cref="ActGen.Torch.ManagedKernels.Chunks"/>).</summary>
    internal static void Chunks(int n, Action<int, int> body) => ActGen.Torch.ManagedKernels.Chunks(n, body);
}
