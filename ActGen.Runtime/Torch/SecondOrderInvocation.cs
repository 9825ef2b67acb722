using System.Globalization;
using ActGen.Cuda;
using System.Linq;
using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>
/// The pieces of the backward's own backward, each by the generated second-order kernel on contiguous float32/float64
/// CPU tensors, by the generated CUDA kernels on CUDA ones (when the runtime has them), and by the TorchScript program
/// otherwise, or always by the program when autograd asks for a graph of them (third order: a composition of
/// differentiable ops).
/// </summary>
internal static class SecondOrderInvocation
{
    /// <summary>Whether the activation's generated code has second-order kernels and program functions.</summary>
    public static bool Available(TorchActivation a) => a.Definition.Double.SecondOrder.Count > 0;

    /// <summary>
    /// gg · gy · ∂²f/∂a∂b per element, shaped like <paramref name="gradOutput"/> (a, b: null for the input, else a learnable
    /// parameter's name); <paramref name="source"/> is x, or y where the backward reads the output.
    /// </summary>
    public static Tensor Second(
        TorchActivation a, string? first, string? second, Tensor source, Tensor gradOutput, Tensor gradGrad, Tensor[] tensors,
        double[] hyper, bool differentiable)
    {
        var (@double, single) = (a.Definition.Double.Second(first, second), a.Definition.Single.Second(first, second));
        return !differentiable && @double is not null && single is not null && Fused(source, gradOutput, gradGrad)
            && Invocation.ScalarParameters(a, tensors, hyper) is { } p
            ? SecondOrderKernels.Run(source, Contiguous(gradOutput), Contiguous(gradGrad), @double, single, p)
            : (differentiable ? null : CudaDispatch.Default.Second(a, first, second, source, gradOutput, gradGrad, tensors, hyper))
                ?? Invocation.Script(a, ScriptName(a, first, second), [source, gradOutput, gradGrad, .. tensors], hyper);
    }

    /// <summary>gg · ∂f/∂a per element, not summed: the first-order backward of a fed gg (what reaches gy).</summary>
    public static Tensor First(
        TorchActivation a, string? wrt, Tensor source, Tensor gradGrad, Tensor[] tensors, double[] hyper, bool differentiable)
    {
        if (wrt is null)
        {
            return Invocation.Backward(a, source, gradGrad, tensors, hyper, differentiable);
        }

        return !differentiable && ManagedKernels.Applies(source) && Invocation.SameKind(source, gradGrad)
            && Invocation.ScalarParameters(a, tensors, hyper) is { } p
            ? ManagedKernels.Backward(source, gradGrad, a.LearnableDouble[wrt], a.LearnableSingle[wrt], p)
            : (differentiable ? null : CudaDispatch.Default.Gradient(a, wrt, source, gradGrad, tensors, hyper))
                ?? Invocation.Script(a, Invocation.ScriptGradient(a, wrt), [source, gradGrad, .. tensors], hyper);
    }

    private static bool Fused(Tensor source, Tensor gradOutput, Tensor gradGrad) =>
        ManagedKernels.Applies(source)
            && Invocation.SameKind(source, gradOutput) && Invocation.SameKind(source, gradGrad)
            && gradOutput.shape.SequenceEqual(source.shape) && gradGrad.shape.SequenceEqual(source.shape);

    private static Tensor Contiguous(Tensor t) => t.is_contiguous() ? t : t.contiguous();

    /// <summary>The program's <c>second_{a}_{b}</c>, a ≤ b as generated: the input first, then parameters by declaration index.</summary>
    private static string ScriptName(TorchActivation a, string? first, string? second)
    {
        var order = a.Definition.Parameters.Select(p => p.Name).ToList();
        int Index(string? v) => v is null ? -1 : order.IndexOf(v);
        string Of(string? v) => v is null ? "x" : Index(v).ToString(CultureInfo.InvariantCulture);
        var (low, high) = Index(first) <= Index(second) ? (first, second) : (second, first);
        return $"second_{Of(low)}_{Of(high)}";
    }
}
