using System.Collections.Immutable;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Calculus;

/// <summary>Replaces names by expressions; used to inline lets and activation calls.</summary>
internal static class Substitution
{
    public static Expr Substitute(Expr e, ImmutableDictionary<string, Expr> bindings) => e switch
    {
        Ref r => bindings.TryGetValue(r.Name, out var value) ? value : r,
        Let l => Substitute(l.Body, bindings.SetItem(l.Name, Substitute(l.Value, bindings))),
        _ => Traversal.MapChildren(e, child => Substitute(child, bindings)),
    };

    /// <summary>Removes every <see cref="Let"/> by substituting its value.</summary>
    public static Expr InlineLets(Expr e) => Substitute(e, ImmutableDictionary<string, Expr>.Empty);
}
