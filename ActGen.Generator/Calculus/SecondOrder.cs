using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;
using ActGen.Generator.Naming;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>
/// The second order, lowered once: the backward g = gy·∂f/∂a (a the input or a learnable parameter) is a function of
/// the input, gy and the parameters, and its own backward, given gg = ∂C/∂g, is ∂/∂b (gg·g) = gg·gy·∂²f/∂a∂b for every
/// variable b, and gg·∂f/∂a for gy (the first-order kernel of a, fed gg). Symmetric, so one body per unordered pair.
/// </summary>
internal static class SecondOrder
{
    /// <summary>The name the gradient of the backward's result takes in second-order bodies.</summary>
    public static readonly string GradGrad = Namer.InternalName("gg");

    /// <summary>
    /// The largest forward, calls inlined, that gets second-order kernels. Inlining a composition can grow exponentially
    /// (a callee using its input twice, k levels deep); beyond this the activation gets none, and its backward under
    /// create_graph stays the TorchScript program's composition (right, not fused).
    /// </summary>
    public const int MaxInlinedSize = 600;

    /// <param name="forward">The simplified forward, calls and all.</param>
    /// <param name="outputForm">∂f/∂x written in y (unguarded), where backward reads the output; else null.</param>
    public static EquatableArray<SecondDerivative> Lower(
        ActivationModel model,
        Expr forward,
        Expr? outputForm,
        IReadOnlyDictionary<string, ActivationModel> models,
        IReadOnlyDictionary<string, Expr> resolved)
    {
        Expr Scaled(Expr d2, string input, bool losesNan) =>
            Simplifier.Simplify(Mul(new Ref(GradGrad), Mul(new Ref(Lowering.GradOutput), Guard(d2, input, losesNan))));

        // Calls are inlined here: a callee's members give its first derivative only.
        if (ExpandAll(forward, models, resolved) is not { } expanded)
        {
            return EquatableArray<SecondDerivative>.Empty;
        }

        var full = Simplifier.Simplify(expanded);
        var forwardLosesNan = !NanPropagation.Guard(full, model.Input).Equals(full);
        if (outputForm is not null)
        {
            if (ExpandAll(outputForm, models, resolved) is not { } inlined)
            {
                return EquatableArray<SecondDerivative>.Empty;
            }

            var h = Simplifier.Simplify(inlined);
            var dh = Simplifier.Simplify(Differentiation.Differentiate(h, OutputForm.Output));
            var losesNan = !NanPropagation.Guard(h, OutputForm.Output).Equals(h);
            return EquatableArray.Of(new SecondDerivative(null, null, Scaled(dh, OutputForm.Output, losesNan)));
        }

        var variables = new string?[] { null }
            .Concat(model.Parameters.Where(p => p.Kind == ParameterKind.Learnable).Select(p => p.Name))
            .ToList();
        string Name(string? v) => v ?? model.Input;
        var pairs = new List<SecondDerivative>();
        for (var i = 0; i < variables.Count; i++)
        {
            var first = Simplifier.Simplify(Differentiation.Differentiate(full, Name(variables[i])));
            for (var j = i; j < variables.Count; j++)
            {
                var second = Simplifier.Simplify(Differentiation.Differentiate(first, Name(variables[j])));
                pairs.Add(new SecondDerivative(variables[i], variables[j], Scaled(second, model.Input, forwardLosesNan)));
            }
        }

        return pairs.ToEquatableArray();
    }

    /// <summary>
    /// NaN in, NaN out, as the first order: where the function needed a guard, so does its second derivative, even
    /// when that no longer mentions the input (ReLU's 0).
    /// </summary>
    private static Expr Guard(Expr e, string input, bool losesNan) =>
        NanPropagation.Guard(e, input) is var guarded && (!guarded.Equals(e) || !losesNan)
            ? guarded
            : new If(new Compare(CompareOp.NotEqual, new Ref(input), new Ref(input)), new Ref(input), e);

    /// <summary>
    /// Every call inlined, a call of a callee's derivative as that derivative of its body; null as soon as the result
    /// would pass <see cref="MaxInlinedSize"/> (checked after every call, so the work stays bounded too).
    /// </summary>
    private static Expr? ExpandAll(Expr e, IReadOnlyDictionary<string, ActivationModel> models, IReadOnlyDictionary<string, Expr> resolved)
    {
        try
        {
            return Expand(e, models, resolved);
        }
        catch (TooLarge)
        {
            return null;
        }
    }

    private sealed class TooLarge : System.Exception;

    private static Expr Expand(Expr e, IReadOnlyDictionary<string, ActivationModel> models, IReadOnlyDictionary<string, Expr> resolved)
    {
        // Each distinct subexpression expanded once (see Sharing).
        Expr Go(Expr node, Func<Expr, Expr> expanded)
        {
            var mapped = Traversal.MapChildren(node, expanded);
            if (mapped is not Apply a)
            {
                return mapped;
            }

            var key = CallTargets.Activation(a.Target);
            var body = expanded(resolved[key]);
            var callee = models[key];
            var value = CallTargets.IsDerivative(a.Target)
                ? Simplifier.Simplify(Differentiation.Differentiate(body, callee.Input))
                : body;
            var bound = Inliner.Bind(callee, value, a.Args);
            return Traversal.Size(bound) <= MaxInlinedSize ? bound : throw new TooLarge();
        }

        return Sharing.Memoised<Expr>(Go)(e);
    }
}
