using ActGen.Generator.Ir;
using static ActGen.Generator.Calculus.Products;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>
/// Spellings that cancel near 0 rewritten to the primitives made for them. They run after <see cref="StableForms"/>,
/// so ln(1 + eᵘ) has already become softplus(u).
/// </summary>
internal static class CancellationForms
{
    public static Expr? Rewrite(Expr e) => e switch
    {
        // ln(1 + u) = log1p(u): 1 + u rounds u away when |u| is small (ln(1 + 1e-10) is 1.000000082e-10 in double).
        Unary { Op: UnaryOp.Log, Arg: Binary { Op: BinaryOp.Add, Left: Num { Value: 1 }, Right: var u } } => Call(UnaryOp.Log1p, u),
        Unary { Op: UnaryOp.Log, Arg: Binary { Op: BinaryOp.Add, Left: var u, Right: Num { Value: 1 } } } => Call(UnaryOp.Log1p, u),
        // ln(1 − u) = log1p(−u), for the same reason.
        Unary { Op: UnaryOp.Log, Arg: Binary { Op: BinaryOp.Sub, Left: Num { Value: 1 }, Right: var u } } => Call(UnaryOp.Log1p, Negate(u)),
        // eᵘ − 1 = expm1(u): eᵘ is 1 + u + … and the 1 cancels, leaving rounding error of 1 where |u| is small.
        Binary { Op: BinaryOp.Sub, Left: Unary { Op: UnaryOp.Exp } exp, Right: Num { Value: 1 } } => Call(UnaryOp.Expm1, exp.Arg),
        // 1 − eᵘ = −expm1(u), for the same reason.
        Binary { Op: BinaryOp.Sub, Left: Num { Value: 1 }, Right: Unary { Op: UnaryOp.Exp } exp } => Neg(Call(UnaryOp.Expm1, exp.Arg)),
        _ => null,
    };
}
