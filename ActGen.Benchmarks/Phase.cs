using System;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>The two phases bench.csv reports, and the bytes each must move at least.</summary>
public static class Phase
{
    public const string Forward = "forward";
    public const string ForwardBackward = "forward+backward";

    public static readonly string[] All = [Forward, ForwardBackward];

    /// <summary>Forward reads x and writes y; backward also reads x and ∂C/∂y and writes ∂C/∂x.</summary>
    public static long Bytes(string phase, long n, int elementSize) =>
        n * elementSize * (phase == Forward ? 2 : 5);

    /// <summary>
    /// One call of <paramref name="impl"/> in <paramref name="phase"/>: forward with autograd recording (as in
    /// training; the graph is then dropped), or forward and backward with the incoming gradient <paramref name="gy"/>
    /// (gradients of x and of the implementation's learnable parameters, as <c>autograd.grad</c>).
    /// </summary>
    public static Action Call(string phase, Impl impl, Tensor x, Tensor gy) => phase == Forward
        ? () =>
        {
            using var scope = NewDisposeScope();
            impl.Apply(x);
        }
    : () =>
    {
        using var scope = NewDisposeScope();
        var y = impl.Apply(x);
        autograd.grad([y], [x, .. impl.Parameters], [gy]);
    };
}
