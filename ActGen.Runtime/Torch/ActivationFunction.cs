using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>
/// The custom autograd function behind every generated tensor activation. Arguments: the input, then the
/// tensor parameters (learnable, randomized) in declaration order, then the hyper-parameters as doubles.
/// Saves only the input (or, where f′ is written in the output, the output) and the parameter tensors, which already
/// exist, and recomputes the derivative in backward.
/// </summary>
public abstract class ActivationFunction<TSelf> : autograd.SingleTensorFunction<TSelf>
    where TSelf : ActivationFunction<TSelf>, new()
{
    private const string HyperKey = "actgen.hyper";

    // The forward's own handle on its result; apply wraps the result in a new handle and forgets this one.
    [ThreadStatic]
    private static Tensor? forwardOutput;

    protected abstract TorchActivation Activation { get; }

    /// <summary>
    /// TorchSharp's <c>apply</c>, which leaves the forward's own handle on the result to the garbage collector (so a
    /// disposed result kept its memory allocated), followed by releasing that handle at once. Hides the inherited one
    /// so that every call goes through it. Arguments as <see cref="forward"/> takes them, held to the end: TorchSharp
    /// reads their handles after its last use of them (a temporary such as <c>x * 2</c> has no other holder).
    /// </summary>
    public static new Tensor apply(params object[] vars)
    {
        ReturnedGradients.Release();
        try
        {
            return autograd.SingleTensorFunction<TSelf>.apply(vars);
        }
        finally
        {
            forwardOutput?.Dispose();
            forwardOutput = null;
            GC.KeepAlive(vars);
        }
    }

    public override string Name => $"{Activation.Definition.Owner}.{Activation.Definition.Name}";

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (x, tensors, hyper) = Split(vars);
        using var scope = NewDisposeScope();
        // Moved to the caller's scope, not detached: a handle that apply failed to release stays visible there.
        var y = scope.MoveToOuter(Invocation.Forward(Activation, x, tensors, hyper));
        ctx.save_for_backward([Activation.Definition.BackwardFromOutput ? y : x, .. tensors]);
        ctx.save_data(HyperKey, hyper);
        forwardOutput = y;
        return y;
    }

    /// <summary>
    /// Never throws: libtorch's autograd engine calls this from native code, where a .NET exception would end the
    /// process. A failure (a saved tensor changed in place, a kernel error) is written to standard error and handed
    /// back as gradients autograd refuses (<see cref="RefusedGradient"/>), so it raises an error at the caller's <c>backward()</c>.
    /// </summary>
    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        try
        {
            return ReturnedGradients.Keep(Gradients(ctx, grad_output));
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"ActGen: the backward of {Name} failed, so autograd will report an invalid gradient: {e.Message}");
            return ReturnedGradients.Keep([
                .. Enumerable.Range(0, 1 + Activation.TensorParameters.Count).Select(_ => RefusedGradient.Make()),
                .. Enumerable.Repeat((Tensor)null!, Activation.HyperParameters.Count)]);
        }
    }

    /// <summary>
    /// The gradients leave a dispose scope opened here, so that every handle made on the way (saved tensors,
    /// conversions, the incoming gradient's) is released; the gradients themselves go to the caller's scope.
    /// </summary>
    private List<Tensor> Gradients(autograd.AutogradContext ctx, Tensor grad_output)
    {
        using var scope = NewDisposeScope();
        var saved = ctx.get_saved_variables();
        // x, or y where the definition's backward reads the output; the kernels and the TorchScript backward agree.
        var (x, tensors) = (saved[0], saved.Skip(1).ToArray());
        var hyper = (double[])ctx.get_data(HyperKey);
        var parameters = Activation.TensorParameters;
        // Grad mode is on inside backward exactly when autograd was asked for a graph of the gradient (create_graph).
        var differentiable = is_grad_enabled();
        // Asked for a graph, the backward is a function of its own whose backward runs the second-order kernels.
        var ownFunction = differentiable && SecondOrderInvocation.Available(Activation);
        var gradients = new List<Tensor>
        {
            ownFunction
                ? ActivationGradientFunction.Apply(Activation, null, x, grad_output, tensors, hyper)
                : GradientAnchor.Anchored(
                    Invocation.Backward(Activation, x, grad_output, tensors, hyper, differentiable), x, differentiable),
        };
        gradients.AddRange(parameters.Select((p, i) => p.Role == ParameterRole.Learnable && tensors[i].requires_grad
            ? ownFunction
                ? ActivationGradientFunction.Apply(Activation, p.Name, x, grad_output, tensors, hyper)
                : Invocation.ParameterGradient(Activation, p.Name, x, grad_output, tensors, hyper, tensors[i], differentiable)
            : null!));
        gradients.AddRange(hyper.Select(_ => (Tensor)null!));
        scope.MoveToOuter(gradients.Where(g => g is not null));
        if (!gradients.Any(g => ReferenceEquals(g, grad_output)))
        {
            // TorchSharp made this handle for this call only and leaves it to the GC.
            grad_output.Dispose();
        }

        return gradients;
    }

    private (Tensor X, Tensor[] Tensors, double[] Hyper) Split(object[] vars)
    {
        var count = Activation.TensorParameters.Count;
        var expected = 1 + count + Activation.HyperParameters.Count;
        if (vars.Length != expected || vars[0] is not Tensor x)
        {
            throw new ArgumentException($"{Name} takes a tensor, {count} tensor parameter(s) and {Activation.HyperParameters.Count} hyper-parameter(s); got {vars.Length} arguments.");
        }

        return (x, vars.Skip(1).Take(count).Cast<Tensor>().ToArray(), vars.Skip(1 + count).Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }
}
