using System;
using System.Reflection;
using TorchSharp;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>
/// libtorch builtins whose only public TorchSharp 0.107 entry makes its Scalars itself, as temporaries that can be
/// finalized during the native call: <c>F.softplus(x, beta, threshold)</c> (and <c>F.mish</c>, which calls it) convert
/// the doubles inside <c>Tensor.softplus</c> before handing them to the private <c>softplus1(Scalar, Scalar)</c>. This
/// calls that method with the caller's held Scalars: the same native call, with nothing left to be finalized.
/// </summary>
internal static class Held
{
    private static readonly Func<Tensor, Scalar, Scalar, Tensor> SoftplusOp =
        typeof(Tensor).GetMethod("softplus1", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(Scalar), typeof(Scalar)])
            ?.CreateDelegate<Func<Tensor, Scalar, Scalar, Tensor>>()
        ?? throw new MissingMethodException("TorchSharp's Tensor.softplus1(Scalar, Scalar) (checked for 0.107) is gone: bind softplus anew.");

    /// <summary>libtorch's softplus, as <c>F.softplus(x, beta, threshold)</c> calls it, with held Scalars.</summary>
    public static Tensor Softplus(Tensor x, Scalar beta, Scalar threshold) => SoftplusOp(x, beta, threshold);
}
