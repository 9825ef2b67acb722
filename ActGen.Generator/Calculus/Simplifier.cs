using ActGen.Generator.Ir;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>
/// Value-preserving rewrites applied bottom-up to a fixed point: constant folding, algebraic identities,
/// and recognition of numerically fragile forms (see <see cref="StableForms"/>, <see cref="CancellationForms"/>,
/// <see cref="ExponentialProducts"/>).
/// </summary>
internal static class Simplifier
{
    private const int MaxPasses = 32;

    /// <summary>
    /// Passes over the DAG, not the tree written out: equal subexpressions are one object (<see cref="Sharing"/>), each
    /// rewritten once, and the fixed point is reached when a pass gives back the very same object.
    /// </summary>
    public static Expr Simplify(Expr e)
    {
        var shared = new Sharing.Interner();
        var pass = Sharing.Memoised<Expr>((node, simplified) => Rewrite(Traversal.MapChildren(node, simplified)));
        e = shared.Canonical(e);
        for (var i = 0; i < MaxPasses; i++)
        {
            var next = shared.Canonical(pass(e));
            if (ReferenceEquals(next, e))
            {
                return next;
            }

            e = next;
        }

        return e;
    }

    private static Expr Rewrite(Expr e) =>
        StableForms.Recognize(e) ?? CancellationForms.Rewrite(e) ?? ExponentialProducts.Merge(e) ?? e switch
        {
            Unary u => RewriteUnary(u),
            Binary b => BinaryIdentities.Rewrite(b),
            If { Condition: Compare { Left: Num l, Right: Num r } c } i =>
                ConstantFolding.Fold(c.Op, l.Value, r.Value) ? i.Then : i.Else,
            If i when i.Then.Equals(i.Else) => i.Then,
            Not { Operand: Not inner } => inner.Operand,
            _ => e,
        };

    private static Expr RewriteUnary(Unary u) => (u.Op, u.Arg) switch
    {
        (_, Num n) when ConstantFolding.Fold(u.Op, n.Value) is { } folded => N(folded),
        (UnaryOp.Neg, Unary { Op: UnaryOp.Neg } inner) => inner.Arg,
        (UnaryOp.Neg, Binary { Op: BinaryOp.Sub } d) => Sub(d.Right, d.Left),
        (UnaryOp.Log, Unary { Op: UnaryOp.Exp } inner) => inner.Arg,
        (UnaryOp.Abs, var arg) when Products.NonNegative(arg) => arg,
        _ => u,
    };
}
