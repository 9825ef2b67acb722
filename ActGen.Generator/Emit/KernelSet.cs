using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Model;
using ActGen.Generator.Naming;

namespace ActGen.Generator.Emit;

/// <summary>Which kernels an activation gets: forward and backward, for scalar and for per-element parameters.</summary>
internal static class KernelSet
{
    public static IEnumerable<Kernel> For(LoweredActivation activation)
    {
        var model = activation.Model;
        var elementwise = ParameterOrder.Tensors(model).Select(p => p.Name).ToList();
        var variants = elementwise.Count == 0
            ? new[] { (IReadOnlyCollection<string>)[] }
            : new[] { (IReadOnlyCollection<string>)[], elementwise };
        foreach (var spans in variants)
        {
            var per = spans.Count == 0 ? "" : $" with per-element {string.Join(", ", spans)}";
            yield return new(MemberNames.Forward(model.Name), $"output[i] = {model.Name}(input[i]){per}, in one pass.",
                false, "output", activation.Forward, spans);
            yield return activation.BackwardReadsOutput
                ? new(MemberNames.BackwardFromOutput(model.Name),
                    $"gradInput[i] = gradOutput[i] · ∂{model.Name}/∂x written in the forward's output{per}: "
                        + "reads output[i], not the input, and recomputes nothing.",
                    true, "gradInput", activation.Backward, spans, ReadsOutput: true)
                : new(MemberNames.Backward(model.Name),
                    $"gradInput[i] = gradOutput[i] · ∂{model.Name}/∂x(input[i]){per}, recomputing the derivative in the same pass.",
                    true, "gradInput", activation.Backward, spans);
            foreach (var d in activation.ParameterDerivatives)
            {
                yield return new(MemberNames.ParameterBackward(model.Name, d.Parameter),
                    $"gradParameter[i] = gradOutput[i] · ∂{model.Name}/∂{d.Parameter}(input[i]){per}; "
                        + "sum it for the parameter's gradient.",
                    true, "gradParameter", d.Gradient, spans);
            }
        }

        foreach (var d in activation.SecondOrder)
        {
            yield return SecondOrderKernel(activation, d);
        }
    }

    /// <summary>
    /// gradient[i] = gg·gy·∂²f/∂a∂b: the backward's own backward (scalar parameters only; a parameter given per element
    /// takes the TorchScript program's).
    /// </summary>
    private static Kernel SecondOrderKernel(LoweredActivation activation, SecondDerivative d)
    {
        var name = activation.Model.Name;
        string Of(string? v) => v ?? activation.Model.Input;
        var summary = activation.BackwardReadsOutput
            ? $"gradient[i] = gradGradInput[i] · gradOutput[i] · ∂²{name}/∂{activation.Model.Input}² written in the forward's output: "
                + $"the gradient of the backward {BackwardName(activation)} with respect to output[i] (autograd chains it to the input)."
            : $"gradient[i] = gradGradInput[i] · gradOutput[i] · ∂²{name}/∂{Of(d.First)}∂{Of(d.Second)}(input[i]): the "
                + "second-order term of the backward's own backward, in one pass.";
        return new(SecondBackwardName(activation, d), summary, true, "gradient", d.Body, [],
            ReadsOutput: activation.BackwardReadsOutput, ReadsGradGrad: true);
    }

    /// <summary>The second-order kernel's name: from the output where backward reads it.</summary>
    public static string SecondBackwardName(LoweredActivation activation, SecondDerivative d) => activation.BackwardReadsOutput
        ? MemberNames.SecondBackwardFromOutput(activation.Model.Name)
        : MemberNames.SecondBackward(activation.Model.Name, d.First, d.Second);

    /// <summary>The backward kernel's name: it says whether it reads the input or the output.</summary>
    public static string BackwardName(LoweredActivation activation) => activation.BackwardReadsOutput
        ? MemberNames.BackwardFromOutput(activation.Model.Name)
        : MemberNames.Backward(activation.Model.Name);
}
