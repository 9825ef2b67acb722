using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Emit;

/// <summary>Which kernels an activation gets: forward and backward, for scalar and for per-element parameters.</summary>
internal static class KernelSet
{
    public static IEnumerable<KernelEmitter.Kernel> For(LoweredActivation activation)
    {
        var model = activation.Model;
        var gy = new Ref(KernelEmitter.GradOutput);
        var elementwise = model.Parameters.Where(p => p.Kind != ParameterKind.Hyper).Select(p => p.Name).ToList();
        var variants = elementwise.Count == 0
            ? new[] { (IReadOnlyCollection<string>)[] }
            : new[] { (IReadOnlyCollection<string>)[], elementwise };
        foreach (var spans in variants)
        {
            var per = spans.Count == 0 ? "" : $" with per-element {string.Join(", ", spans)}";
            yield return new(model.Name + "Forward", $"output[i] = {model.Name}(input[i]){per}, in one pass.", false, "output", activation.Forward, spans);
            yield return activation.OutputDerivative is { } inOutput
                ? new(model.Name + "Backward", $"gradInput[i] = gradOutput[i] · ∂{model.Name}/∂x written in the forward's output{per}: reads output[i], not the input, and recomputes nothing.",
                    true, "gradInput", Calculus.Simplifier.Simplify(Mul(gy, inOutput)), spans, ReadsOutput: true)
                : new(model.Name + "Backward", $"gradInput[i] = gradOutput[i] · ∂{model.Name}/∂x(input[i]){per}, recomputing the derivative in the same pass.",
                    true, "gradInput", Calculus.Simplifier.Simplify(Mul(gy, activation.Derivative)), spans);
            foreach (var d in activation.ParameterDerivatives)
            {
                yield return new(model.Name + "Backward" + Naming.Pascal(d.Parameter),
                    $"gradParameter[i] = gradOutput[i] · ∂{model.Name}/∂{d.Parameter}(input[i]){per}; sum it for the parameter's gradient.",
                    true, "gradParameter", Calculus.Simplifier.Simplify(Mul(gy, d.Derivative)), spans);
            }
        }
    }
}
