using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Emit;

/// <summary>
/// The TorchScript program of one activation: <c>forward(x, tensor params, hyper)</c>, <c>backward(x, gy, …)</c>
/// (<c>backward(y, gy, …)</c> where f′ is written in the output) and <c>grad_{θ}(x, gy, …)</c> per learnable
/// parameter, each returning one tensor.
/// </summary>
internal static class TorchScriptProgram
{
    public static string For(LoweredActivation activation)
    {
        var model = activation.Model;
        var tensorParameters = model.Parameters.Where(p => p.Kind != ParameterKind.Hyper).Select(p => TorchScriptEmitter.Name(p.Name)).ToList();
        var hyper = model.Parameters.Where(p => p.Kind == ParameterKind.Hyper).Select(p => $"{TorchScriptEmitter.Name(p.Name)}: float").ToList();
        var tensors = new HashSet<string>(model.Parameters.Where(p => p.Kind != ParameterKind.Hyper).Select(p => p.Name)) { model.Input, KernelEmitter.GradOutput, OutputForm.Output };
        var gy = new Ref(KernelEmitter.GradOutput);
        var w = new SourceWriter();
        Function(w, "forward", ["x", .. tensorParameters, .. hyper], activation.Forward, model, tensors);
        if (activation.OutputDerivative is { } inOutput)
        {
            Function(w, "backward", [OutputForm.Output, "gy", .. tensorParameters, .. hyper], Simplifier.Simplify(Mul(gy, inOutput)), model, tensors, OutputForm.Output);
        }
        else
        {
            Function(w, "backward", ["x", "gy", .. tensorParameters, .. hyper], Simplifier.Simplify(Mul(gy, activation.Derivative)), model, tensors);
        }

        foreach (var d in activation.ParameterDerivatives)
        {
            Function(w, "grad_" + d.Parameter, ["x", "gy", .. tensorParameters, .. hyper], Simplifier.Simplify(Mul(gy, d.Derivative)), model, tensors);
        }

        return w.ToString();
    }

    /// <param name="like">The tensor argument a constant result takes its shape from.</param>
    private static void Function(SourceWriter w, string name, IReadOnlyList<string> parameters, Expr body, ActivationModel model, ISet<string> tensors, string like = "x")
    {
        var renamed = Substitution.Substitute(body, System.Collections.Immutable.ImmutableDictionary<string, Expr>.Empty.Add(model.Input, new Ref("x")));
        var chain = LetChain.Of(renamed, Naming.Reserved(model));
        var tensorLocals = new HashSet<string>(tensors) { "x" };
        bool IsTensor(string n) => tensorLocals.Contains(n);
        w.Line($"def {name}({string.Join(", ", parameters)}):").Indent();
        foreach (var (local, value) in chain.Locals)
        {
            var code = TorchScriptEmitter.Emit(value, IsTensor, like);
            if (code.IsTensor)
            {
                tensorLocals.Add(local);
            }

            w.Line($"{TorchScriptEmitter.Name(local)} = {code.Text}");
        }

        var result = TorchScriptEmitter.Emit(chain.Result, IsTensor, like);
        w.Line(result.IsTensor ? $"return {result.Text}" : $"return torch.full_like({like}, {result.Text})");
        w.Dedent().Line();
    }
}
