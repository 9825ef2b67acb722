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
    }

    /// <summary>The backward kernel's name: it says whether it reads the input or the output.</summary>
    public static string BackwardName(LoweredActivation activation) => activation.BackwardReadsOutput
        ? MemberNames.BackwardFromOutput(activation.Model.Name)
        : MemberNames.Backward(activation.Model.Name);
}
