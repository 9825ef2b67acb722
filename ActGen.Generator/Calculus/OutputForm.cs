using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;

namespace ActGen.Generator.Calculus;

/// <summary>
/// f′ written in the forward's output y where it can be: every occurrence of the forward expression in f′ becomes
/// y (σ′ = σ(1 − σ) → y(1 − y), tanh′ = 1 − tanh² → 1 − y²), and if no x is left, backward reads y instead of x and
/// skips recomputing f — a pure memory pass, as libtorch's own sigmoid and tanh backward are.
/// </summary>
internal static class OutputForm
{
    /// <summary>The name y takes in the IR (internal: no user name can equal it).</summary>
    public static readonly string Output = Naming.Namer.InternalName("y");

    /// <summary>
    /// ∂f/∂x in terms of <see cref="Output"/> and the parameters, or null where x stays, where f′ never needed x,
    /// or where a learnable parameter's gradient needs x anyway.
    /// </summary>
    public static Expr? Derivative(Expr forward, Expr derivative, string input, IEnumerable<ParameterModel> parameters)
    {
        var eligible = forward is not (Ref or Num)
            && Traversal.Mentions(derivative, input)
            && parameters.All(p => p.Kind != ParameterKind.Learnable);
        if (!eligible)
        {
            return null;
        }

        var inOutput = Replace(derivative, forward, new Ref(Output));
        return Traversal.Mentions(inOutput, input) ? null : Simplifier.Simplify(inOutput);
    }

    /// <summary>
    /// <paramref name="e"/> with each occurrence of <paramref name="target"/> replaced: both made canonical by one interner,
    /// so an occurrence is the same object, and each distinct subexpression is visited once.
    /// </summary>
    private static Expr Replace(Expr e, Expr target, Expr by)
    {
        var shared = new Sharing.Interner();
        var canonicalTarget = shared.Canonical(target);
        return Sharing.Memoised<Expr>((node, replaced) =>
            ReferenceEquals(node, canonicalTarget) ? by : Traversal.MapChildren(node, replaced))(shared.Canonical(e));
    }
}
