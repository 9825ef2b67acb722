using System.Linq;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Calculus;

/// <summary>
/// NaN in, NaN out. Arithmetic propagates NaN by itself, but a comparison is false for NaN and a vector max or min
/// may drop it, so <c>x &gt; 0 ? x : 0</c> would turn NaN into 0 (and its derivative into 0). Where an expression of
/// the input holds a comparison, max or min, it is guarded: <c>x != x ? x : e</c>, which is NaN exactly when x is.
/// </summary>
internal static class NanPropagation
{
    public static Expr Guard(Expr e, string input) =>
        Traversal.Mentions(e, input) && Traversal.Nodes(e).Any(LosesNan)
            ? new If(new Compare(CompareOp.NotEqual, new Ref(input), new Ref(input)), new Ref(input), e)
            : e;

    /// <summary>A call runs the user's own method, which may compare.</summary>
    private static bool LosesNan(Expr e) => e is Compare or Apply or Binary { Op: BinaryOp.Max or BinaryOp.Min };
}
