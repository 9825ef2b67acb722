using System.Collections.Immutable;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Calculus;

/// <summary>Replaces names by expressions; used to inline lets and activation calls.</summary>
internal static class Substitution
{
    /// <summary>
    /// <paramref name="e"/> with the names bound replaced, each distinct subexpression once per scope (a value used twice
    /// stays one object, so what follows sees the DAG, not the tree written out).
    /// </summary>
    public static Expr Substitute(Expr e, ImmutableDictionary<string, Expr> bindings) =>
        Sharing.Memoised<Expr>((node, substituted) => node switch
        {
            Ref r => bindings.TryGetValue(r.Name, out var value) ? value : r,
            Let l => Substitute(l.Body, bindings.SetItem(l.Name, substituted(l.Value))),
            _ => Traversal.MapChildren(node, substituted),
        })(e);

    /// <summary>Removes every <see cref="Let"/> by substituting its value.</summary>
    public static Expr InlineLets(Expr e) => Substitute(e, ImmutableDictionary<string, Expr>.Empty);
}
