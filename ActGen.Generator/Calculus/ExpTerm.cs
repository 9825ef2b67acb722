using ActGen.Generator.Ir;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>
/// A term c·eᵘ with c &gt; 0, a positive constant being c·e⁰: the pieces of the sums and differences of exponentials that
/// <see cref="StableForms"/> rewrites. Its logarithm is u + ln c.
/// </summary>
internal sealed record ExpTerm(Expr Arg, double Scale)
{
    public bool IsConstant => Arg is Num { Value: 0 };

    public static ExpTerm? Of(Expr e) => e switch
    {
        Num { Value: > 0 and < double.PositiveInfinity } c => new(Zero, c.Value),
        Unary { Op: UnaryOp.Exp } exp => new(exp.Arg, 1),
        Binary { Op: BinaryOp.Mul, Left: Num { Value: > 0 and < double.PositiveInfinity } c, Right: Unary { Op: UnaryOp.Exp } exp } =>
            new(exp.Arg, c.Value),
        _ => null,
    };

    /// <summary>ln(this) − ln(other) = (u − v) + ln(c/d), the constants folded.</summary>
    public Expr LogRatio(ExpTerm other)
    {
        var args = other.IsConstant ? Arg : IsConstant ? Products.Negate(other.Arg) : Sub(Arg, other.Arg);
        var offset = System.Math.Log(Scale / other.Scale);
        return offset == 0 ? args : Add(args, N(offset));
    }

    /// <summary>ln(this) = u + ln c.</summary>
    public Expr Log => System.Math.Log(Scale) is var offset && offset == 0 ? Arg : Add(Arg, N(offset));

    /// <summary>The two terms of p + q (either at least not constant), the constant first where there is one.</summary>
    public static (ExpTerm P, ExpTerm Q)? Sum(Expr e) =>
        e is Binary { Op: BinaryOp.Add } b && Of(b.Left) is { } l && Of(b.Right) is { } r && !(l.IsConstant && r.IsConstant)
            ? r.IsConstant ? (r, l) : (l, r)
            : null;

    /// <summary>The terms of p − q, with eᵘ − 1 and 1 − eᵘ also read in their expm1 spellings.</summary>
    public static (ExpTerm P, ExpTerm Q)? Difference(Expr e) => e switch
    {
        Binary { Op: BinaryOp.Sub } b when Of(b.Left) is { } l && Of(b.Right) is { } r && !(l.IsConstant && r.IsConstant) => (l, r),
        Unary { Op: UnaryOp.Expm1 } m => (new ExpTerm(m.Arg, 1), new ExpTerm(Zero, 1)),
        Unary { Op: UnaryOp.Neg, Arg: Unary { Op: UnaryOp.Expm1 } m } => (new ExpTerm(Zero, 1), new ExpTerm(m.Arg, 1)),
        _ => null,
    };
}
