using System;
using System.Globalization;

namespace ActGen;

/// <summary>Thrown by <see cref="GradCheck.Assert(System.Func{TorchSharp.torch.Tensor, TorchSharp.torch.Tensor}, TorchSharp.torch.Tensor, GradCheckOptions?)"/> when autograd disagrees with finite differences.</summary>
public sealed class GradCheckException(GradCheckResult result) : Exception(Describe(result))
{
    public GradCheckResult Result { get; } = result;

    private static string Describe(GradCheckResult result)
    {
        var o = result.Options;
        var failure = result.FirstFailure;
        var head = failure is null
            ? "Gradient check failed."
            : string.Format(
                CultureInfo.InvariantCulture,
                "Gradient check failed for the {0} at flat index {1}: autograd gives {2:R}, central differences (eps {3:R}) give {4:R}; |difference| {5:E3} exceeds atol {6:R} + rtol {7:R} · |numerical|.",
                failure.Argument, failure.WorstIndex, failure.Analytical, o.Eps, failure.Numerical,
                Math.Abs(failure.Analytical - failure.Numerical), o.AbsoluteTolerance, o.RelativeTolerance);
        return head + "\n" + result;
    }
}
