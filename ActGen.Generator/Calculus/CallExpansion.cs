using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;

namespace ActGen.Generator.Calculus;

/// <summary>
/// A call stays a call only where its derivative is the callee's own ∂/∂x times the chain rule: a call whose other
/// arguments vary with a variable being differentiated (the input, a learnable parameter) is inlined here first.
/// </summary>
internal static class CallExpansion
{
    public static Expr ExpandDependent(
        Expr e,
        IReadOnlyCollection<string> variables,
        IReadOnlyDictionary<string, ActivationModel> models,
        IReadOnlyDictionary<string, Expr> resolved)
    {
        // Each distinct subexpression expanded once (see Sharing).
        return Sharing.Memoised<Expr>((node, expanded) => Traversal.MapChildren(node, expanded) switch
        {
            Apply a when a.Args.Skip(1).Any(arg => variables.Any(v => Traversal.Mentions(arg, v))) =>
                expanded(Inliner.Bind(models[a.Target], resolved[a.Target], a.Args)),
            var mapped => mapped,
        })(e);
    }

    /// <summary>The activations an expression calls (itself or through their derivatives).</summary>
    public static IEnumerable<string> Targets(Expr e) =>
        Traversal.Nodes(e).OfType<Apply>().Select(a => CallTargets.Activation(a.Target)).Distinct();
}
