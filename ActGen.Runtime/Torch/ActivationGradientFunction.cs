using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>
/// An activation's backward as a custom autograd function of its own, used when autograd asks for a graph of the
/// gradient (<c>create_graph</c>). Forward: the first-order gradient gy · ∂f/∂a (a the input, or a learnable parameter,
/// summed to its shape) by the fused kernels or the usual paths. Backward, given gg: gg · gy · ∂²f/∂a∂b for x and each
/// learnable b, and gg · ∂f/∂a for gy, by the generated second-order kernels; asked for a graph again, by the TorchScript
/// program (differentiable ops), so third and higher orders are right too. Arguments: a <see cref="Call"/>, the source
/// (x, or y where backward reads the output), gy, then the tensor parameters in declaration order.
/// </summary>
public sealed class ActivationGradientFunction : autograd.SingleTensorFunction<ActivationGradientFunction>
{
    private const string CallKey = "actgen.call";

    /// <summary>What one gradient is of: <paramref name="Wrt"/> null for the input, else a learnable parameter's name.</summary>
    internal sealed record Call(TorchActivation Activation, string? Wrt, double[] Hyper);

    [ThreadStatic]
    private static Tensor? forwardOutput;

    /// <summary>Times this thread made the backward a function of its own (only under create_graph): tests read it.</summary>
    [ThreadStatic]
    internal static int Applications;

    public override string Name => "ActGen.ActivationGradient";

    /// <summary>
    /// The gradient with respect to <paramref name="wrt"/>, differentiable (releases the forward's own handle, as
    /// <c>ActivationFunction</c> does).
    /// </summary>
    internal static Tensor Apply(
        TorchActivation activation, string? wrt, Tensor source, Tensor gradOutput, Tensor[] tensors, double[] hyper)
    {
        Applications++;
        object[] arguments = [new Call(activation, wrt, hyper), source, gradOutput, .. tensors];
        try
        {
            return apply(arguments);
        }
        finally
        {
            forwardOutput?.Dispose();
            forwardOutput = null;
            GC.KeepAlive(arguments);
        }
    }

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (call, source, gradOutput, tensors) = Split(vars);
        using var scope = NewDisposeScope();
        var a = call.Activation;
        var gradient = call.Wrt is null
            ? Invocation.Backward(a, source, gradOutput, tensors, call.Hyper)
            : Invocation.ParameterGradient(a, call.Wrt, source, gradOutput, tensors, call.Hyper, tensors[TensorIndex(a, call.Wrt)]);
        var result = scope.MoveToOuter(gradient);
        ctx.save_for_backward([source, gradOutput, .. tensors]);
        ctx.save_data(CallKey, call);
        forwardOutput = result;
        return result;
    }

    /// <summary>Never throws (see <c>ActivationFunction.backward</c>): a failure becomes gradients autograd refuses.</summary>
    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        try
        {
            return ReturnedGradients.Keep(Gradients(ctx, grad_output));
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"ActGen: the second-order backward failed, so autograd will report an invalid gradient: {e.Message}");
            // The call's own data, not the saved tensors: unpacking those may be what failed.
            var tensors = ctx.get_data(CallKey) is Call call ? call.Activation.TensorParameters.Count : 0;
            return ReturnedGradients.Keep([null!, .. Enumerable.Range(0, 2 + tensors).Select(_ => RefusedGradient.Make())]);
        }
    }

    private static List<Tensor> Gradients(autograd.AutogradContext ctx, Tensor gradGradient)
    {
        using var scope = NewDisposeScope();
        var saved = ctx.get_saved_variables();
        var (source, gradOutput, tensors) = (saved[0], saved[1], saved.Skip(2).ToArray());
        var call = (Call)ctx.get_data(CallKey);
        var (a, wrt, hyper) = (call.Activation, call.Wrt, call.Hyper);
        var differentiable = is_grad_enabled();
        // A parameter's gradient was summed over the elements: its gradient reaches every element alike.
        var gg = wrt is null ? gradGradient : gradGradient.to(source.dtype).expand(gradOutput.shape).contiguous();
        Tensor Second(string? b) => SecondOrderInvocation.Second(a, wrt, b, source, gradOutput, gg, tensors, hyper, differentiable);
        var gradients = new List<Tensor>
        {
            null!,
            source.requires_grad
                ? GradientAnchor.Anchored(
                    Invocation.SumTo(Second(null), source.shape), source, differentiable)
                : null!,
            gradOutput.requires_grad
                ? Invocation.SumTo(SecondOrderInvocation.First(a, wrt, source, gg, tensors, hyper, differentiable), gradOutput.shape)
                : null!,
        };
        gradients.AddRange(a.TensorParameters.Select((p, i) => p.Role == ParameterRole.Learnable && tensors[i].requires_grad
            ? Invocation.SumTo(Second(p.Name), tensors[i].shape).to(tensors[i].dtype)
            : null!));
        scope.MoveToOuter(gradients.Where(g => g is not null));
        if (!gradients.Any(g => ReferenceEquals(g, gradGradient)))
        {
            gradGradient.Dispose();
        }

        return gradients;
    }

    private static int TensorIndex(TorchActivation a, string name) =>
        a.TensorParameters.Select((p, i) => (p, i)).First(t => t.p.Name == name).i;

    private static (Call Call, Tensor Source, Tensor GradOutput, Tensor[] Tensors) Split(object[] vars) =>
        vars is [Call call, Tensor source, Tensor gradOutput, .. var rest] && rest.Length == call.Activation.TensorParameters.Count
            ? (call, source, gradOutput, rest.Cast<Tensor>().ToArray())
            : throw new ArgumentException("ActivationGradientFunction takes a call, the source, gy and the tensor parameters.");
}
