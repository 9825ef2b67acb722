using System;
using System.Linq;
using ActGen.Cuda;
using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>Chooses, per call, between the managed span kernels and the TorchScript program, and runs it.</summary>
internal static class Invocation
{
    public static Tensor Forward(TorchActivation a, Tensor x, Tensor[] tensors, double[] hyper) =>
        ManagedKernels.Applies(x) && ScalarParameters(a, tensors, hyper) is { } p
            ? ManagedKernels.Forward(x, a.Definition, p)
            : PerElement(a, x, tensors) is { } each
                ? ManagedKernels.ForwardEach(x, each, a.Definition, HyperInPlace(a, hyper))
                : CudaDispatch.Default.Forward(a, x, tensors, hyper) ?? Script(a, "forward", [x, .. tensors], hyper);

    /// <param name="differentiable">
    /// Autograd asked for a graph of the backward (<c>create_graph</c>): the TorchScript program, a composition of
    /// differentiable torch ops, is then the backward whatever the layout, so second and higher orders are right.
    /// </param>
    public static Tensor Backward(TorchActivation a, Tensor x, Tensor gradOutput, Tensor[] tensors, double[] hyper, bool differentiable = false) =>
        differentiable
            ? Script(a, "backward", [x, gradOutput, .. tensors], hyper)
            : ManagedKernels.Applies(x) && SameKind(x, gradOutput) && ScalarParameters(a, tensors, hyper) is { } p
            ? ManagedKernels.Backward(x, gradOutput, a.Definition.Double.Backward, a.Definition.Single.Backward, p)
            : SameKind(x, gradOutput) && PerElement(a, x, tensors) is { } each
                ? ManagedKernels.BackwardEach(x, gradOutput, each, a.Definition, HyperInPlace(a, hyper))
                : CudaDispatch.Default.Backward(a, x, gradOutput, tensors, hyper)
                    ?? Script(a, "backward", [x, gradOutput, .. tensors], hyper);

    /// <summary>The one tensor parameter, when the activation has per-element kernels and it is given per element of x.</summary>
    internal static Tensor? PerElement(TorchActivation a, Tensor x, Tensor[] tensors) =>
        a.Definition.Double.PerElement is not null && tensors is [var each]
            && ManagedKernels.Applies(x, each) && each.shape.SequenceEqual(x.shape)
            ? each
            : null;

    /// <summary>The hyper-parameters in their declaration slots; the per-element parameter's slot is unused (NaN).</summary>
    private static double[] HyperInPlace(TorchActivation a, double[] hyper)
    {
        var next = 0;
        return a.Definition.Parameters.Select(p => p.Role == ParameterRole.Hyper ? hyper[next++] : double.NaN).ToArray();
    }

    /// <summary>∂C/∂θ for learnable parameter <paramref name="name"/>, summed to the parameter's own shape.</summary>
    public static Tensor ParameterGradient(
        TorchActivation a, string name, Tensor x, Tensor gradOutput, Tensor[] tensors, double[] hyper, Tensor parameter, bool differentiable = false)
    {
        var perElement = !differentiable && ManagedKernels.Applies(x) && SameKind(x, gradOutput) && ScalarParameters(a, tensors, hyper) is { } p
            ? ManagedKernels.Backward(x, gradOutput, a.LearnableDouble[name], a.LearnableSingle[name], p)
            : (differentiable ? null : CudaDispatch.Default.Gradient(a, name, x, gradOutput, tensors, hyper))
                ?? Script(a, ScriptGradient(a, name), [x, gradOutput, .. tensors], hyper);
        return SumTo(perElement, parameter.shape).to(parameter.dtype);
    }

    /// <summary>The program's function for ∂/∂θ: <c>grad_{k}</c>, k the parameter's declaration index (names need not be ASCII).</summary>
    internal static string ScriptGradient(TorchActivation a, string name) =>
        "grad_" + a.Definition.Parameters.Select((p, i) => (p, i)).First(q => q.p.Name == name).i;

    /// <summary>Every parameter as a double in declaration order, or null when a tensor parameter varies per element.</summary>
    internal static double[]? ScalarParameters(TorchActivation a, Tensor[] tensors, double[] hyper)
    {
        if (tensors.Any(t => t.numel() != 1))
        {
            return null;
        }

        var (nextTensor, nextHyper) = (0, 0);
        return a.Definition.Parameters
            .Select(p => p.Role == ParameterRole.Hyper ? hyper[nextHyper++] : tensors[nextTensor++].to(ScalarType.Float64).item<double>())
            .ToArray();
    }

    internal static bool SameKind(Tensor x, Tensor other) => other.device_type == x.device_type && other.dtype == x.dtype;

    /// <summary>
    /// The hyper-parameters go in as Scalars held until the program returns (see <see cref="Scalars"/>), and the tensors
    /// as long: <c>invoke</c> lists their handles for native code, which reads them after invoke's last use of them.
    /// </summary>
    internal static Tensor Script(TorchActivation a, string function, Tensor[] tensors, double[] hyper)
    {
        using var held = Scalars.Hold(hyper);
        var result = a.Compiled.invoke<Tensor>(function, [.. tensors.Cast<object>(), .. held.Items]);
        GC.KeepAlive(tensors);
        return result;
    }

    /// <summary>Sums a broadcast gradient back to <paramref name="shape"/> (leading dimensions, then size-1 dimensions).</summary>
    internal static Tensor SumTo(Tensor g, long[] shape)
    {
        var lead = (int)g.dim() - shape.Length;
        if (lead > 0)
        {
            g = g.sum(Enumerable.Range(0, lead).Select(d => (long)d).ToArray());
        }

        var ones = Enumerable.Range(0, shape.Length).Where(d => shape[d] == 1 && g.shape[d] != 1).Select(d => (long)d).ToArray();
        if (ones.Length > 0)
        {
            g = g.sum(ones, keepdim: true);
        }

        return g.reshape(shape);
    }
}
