using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;

namespace ActGen.Generator.Emit;

/// <summary>
/// The TorchScript program of one activation: <c>forward(x, tensor params, hyper)</c>, <c>backward(x, gy, …)</c>
/// (<c>backward(y, gy, …)</c> where f′ is written in the output) and <c>grad_{k}(x, gy, …)</c> per learnable
/// parameter (k its declaration index), <c>second_{a}_{b}(x, gy, gg, …)</c> per pair of variables (the backward's own
/// backward, a and b <c>x</c> or a declaration index), each returning one tensor; the activations it calls come first, as
/// <c>call_{i}</c> and <c>call_{i}_d</c> (their ∂/∂x). The user's names never reach Python: every name is spelled by
/// <see cref="TorchScriptNames"/>.
/// </summary>
internal static class TorchScriptProgram
{
    public static string For(LoweredActivation activation)
    {
        var model = activation.Model;
        var names = TorchScriptNames.For(model);
        var calls = activation.Callees.Select((c, i) => (c.Key, Index: i)).ToDictionary(c => c.Key, c => c.Index);
        string Function(string target) =>
            $"call_{calls[CallTargets.Activation(target)]}{(CallTargets.IsDerivative(target) ? "_d" : "")}";

        var w = new SourceWriter();
        foreach (var callee in activation.Callees)
        {
            var calleeNames = TorchScriptNames.For(callee.Model);
            var x = calleeNames.Of(callee.Model.Input);
            var floats = callee.Model.Parameters.Select(p => $"{calleeNames.Of(p.Name)}: float").ToList();
            var inputOnly = new HashSet<string> { x };
            Define(w, Function(callee.Key), [x, .. floats], callee.Forward, calleeNames, inputOnly, x, Function);
            Define(w, Function(CallTargets.Derivative(callee.Key)), [x, .. floats], callee.Derivative, calleeNames, inputOnly, x, Function);
        }

        var tensorParameters = ParameterOrder.Tensors(model).Select(p => names.Of(p.Name)).ToList();
        var hyper = ParameterOrder.Hyper(model).Select(p => $"{names.Of(p.Name)}: float").ToList();
        var input = names.Of(model.Input);
        var gy = names.Of(Lowering.GradOutput);
        var gg = names.Of(SecondOrder.GradGrad);
        var tensors = new HashSet<string>(tensorParameters) { input, gy, gg, names.Of(OutputForm.Output) };
        Define(w, "forward", [input, .. tensorParameters, .. hyper], activation.Forward, names, tensors, input, Function);
        var source = activation.BackwardReadsOutput ? names.Of(OutputForm.Output) : input;
        var backward = IntoBranches(activation.Backward, Lowering.GradOutput);
        Define(w, "backward", [source, gy, .. tensorParameters, .. hyper], backward, names, tensors, source, Function);
        foreach (var d in activation.ParameterDerivatives)
        {
            var index = model.Parameters.Select(p => p.Name).ToList().IndexOf(d.Parameter);
            var gradient = IntoBranches(d.Gradient, Lowering.GradOutput);
            Define(w, $"grad_{index}", [input, gy, .. tensorParameters, .. hyper], gradient, names, tensors, input, Function);
        }

        foreach (var d in activation.SecondOrder)
        {
            Define(w, SecondName(model, d), [source, gy, gg, .. tensorParameters, .. hyper], d.Body, names, tensors, source, Function);
        }

        return w.ToString();
    }

    /// <summary>
    /// gy · where(c, a, b) → where(c, gy · a, gy · b), into nested selects: a branch that is a constant of f′ becomes a
    /// tensor product, so no tensor has to be made for it (NNC fuses neither <c>full_like</c> nor a conditional over
    /// tensors). The same products, so the same values (gy · 0 is still NaN for an infinite gy) and the same gradients.
    /// </summary>
    private static Expr IntoBranches(Expr e, string gy) => e switch
    {
        Binary(BinaryOp.Mul, Ref r, If i) when r.Name == gy => Split(r, i, gy),
        Binary(BinaryOp.Mul, If i, Ref r) when r.Name == gy => Split(r, i, gy),
        Let l => l with { Body = IntoBranches(l.Body, gy) },
        _ => e,
    };

    private static Expr Split(Ref gy, If select, string name) =>
        new If(select.Condition, IntoBranches(E.Mul(gy, select.Then), name), IntoBranches(E.Mul(gy, select.Else), name));

    /// <summary><c>second_{a}_{b}</c>: a, b each <c>x</c> (the input, or y where backward reads it) or a declaration index.</summary>
    internal static string SecondName(ActivationModel model, SecondDerivative d)
    {
        var order = model.Parameters.Select(p => p.Name).ToList();
        string Of(string? v) => v is null ? "x" : order.IndexOf(v).ToString(CultureInfo.InvariantCulture);
        return $"second_{Of(d.First)}_{Of(d.Second)}";
    }

    /// <param name="like">The tensor argument a constant result (or a promoted scalar) takes its shape and dtype from.</param>
    private static void Define(
        SourceWriter w, string name, IReadOnlyList<string> parameters, Expr body, TorchScriptNames names, ISet<string> tensors, string like,
        System.Func<string, string> function)
    {
        var chain = LetChain.Of(body);
        var tensorLocals = new HashSet<string>(tensors);
        bool IsTensor(string n) => tensorLocals.Contains(n);
        w.Line($"def {name}({string.Join(", ", parameters)}):").Indent();
        foreach (var (local, value) in chain.Locals)
        {
            var code = TorchScriptEmitter.Emit(value, names.Of, IsTensor, like, function);
            if (code.IsTensor)
            {
                tensorLocals.Add(names.Of(local));
            }

            w.Line($"{names.Of(local)} = {code.Text}");
        }

        var result = TorchScriptEmitter.Emit(chain.Result, names.Of, IsTensor, like, function);
        w.Line($"return {(result.IsTensor ? result.Text : TorchScriptEmitter.FloatAsTensor(result.Text, like))}");
        w.Dedent().Line();
    }
}
