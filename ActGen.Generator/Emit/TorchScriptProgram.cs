using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;

namespace ActGen.Generator.Emit;

/// <summary>
/// The TorchScript program of one activation: <c>forward(x, tensor params, hyper)</c>, <c>backward(x, gy, …)</c>
/// (<c>backward(y, gy, …)</c> where f′ is written in the output) and <c>grad_{k}(x, gy, …)</c> per learnable
/// parameter (k its declaration index), each returning one tensor. The user's names never reach Python: every
/// name is spelled by <see cref="TorchScriptNames"/>.
/// </summary>
internal static class TorchScriptProgram
{
    public static string For(LoweredActivation activation)
    {
        var model = activation.Model;
        var names = TorchScriptNames.For(model);
        var tensorParameters = ParameterOrder.Tensors(model).Select(p => names.Of(p.Name)).ToList();
        var hyper = ParameterOrder.Hyper(model).Select(p => $"{names.Of(p.Name)}: float").ToList();
        var tensors = new HashSet<string>(tensorParameters)
        {
            names.Of(model.Input), names.Of(Lowering.GradOutput), names.Of(OutputForm.Output),
        };
        var w = new SourceWriter();
        var x = names.Of(model.Input);
        var gy = names.Of(Lowering.GradOutput);
        Function(w, "forward", [x, .. tensorParameters, .. hyper], activation.Forward, names, tensors, x);
        var source = activation.BackwardReadsOutput ? names.Of(OutputForm.Output) : x;
        Function(w, "backward", [source, gy, .. tensorParameters, .. hyper], activation.Backward, names, tensors, source);
        foreach (var d in activation.ParameterDerivatives)
        {
            var index = model.Parameters.Select(p => p.Name).ToList().IndexOf(d.Parameter);
            Function(w, $"grad_{index}", [x, gy, .. tensorParameters, .. hyper], d.Gradient, names, tensors, x);
        }

        return w.ToString();
    }

    /// <param name="like">The tensor argument a constant result (or a promoted scalar) takes its shape and dtype from.</param>
    private static void Function(SourceWriter w, string name, IReadOnlyList<string> parameters, Expr body, TorchScriptNames names, ISet<string> tensors, string like)
    {
        var chain = LetChain.Of(body);
        var tensorLocals = new HashSet<string>(tensors);
        bool IsTensor(string n) => tensorLocals.Contains(n);
        w.Line($"def {name}({string.Join(", ", parameters)}):").Indent();
        foreach (var (local, value) in chain.Locals)
        {
            var code = TorchScriptEmitter.Emit(value, names.Of, IsTensor, like);
            if (code.IsTensor)
            {
                tensorLocals.Add(names.Of(local));
            }

            w.Line($"{names.Of(local)} = {code.Text}");
        }

        var result = TorchScriptEmitter.Emit(chain.Result, names.Of, IsTensor, like);
        w.Line(result.IsTensor ? $"return {result.Text}" : $"return torch.full_like({like}, {result.Text})");
        w.Dedent().Line();
    }
}
