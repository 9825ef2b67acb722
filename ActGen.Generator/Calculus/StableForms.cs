using ActGen.Generator.Ir;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>
/// Recognises forms that overflow in floating point and rewrites them to primitives with stable
/// implementations and derivatives in terms of their own value:
/// <c>a/(1+exp(u))</c> → <c>a·σ(−u)</c>, <c>exp(u)/(1+exp(u))</c> → <c>σ(u)</c>,
/// <c>log(1+exp(u))</c> → <c>softplus(u)</c>, <c>log σ(u)</c> → <c>−softplus(−u)</c>.
/// Without this, σ'(−800) = exp(800)/(1+exp(800))² is ∞/∞ = NaN.
/// </summary>
internal static class StableForms
{
    public static Expr? Recognize(Expr e) => e switch
    {
        Binary { Op: BinaryOp.Div, Left: Unary { Op: UnaryOp.Exp } top, Right: var bottom }
            when OnePlusExp(bottom) is { } u && u.Equals(top.Arg) => Call(UnaryOp.Sigmoid, u),
        Binary { Op: BinaryOp.Div, Left: var top, Right: var bottom }
            when OnePlusExp(bottom) is { } u => Mul(top, Call(UnaryOp.Sigmoid, Negate(u))),
        Unary { Op: UnaryOp.Log, Arg: var inner } when OnePlusExp(inner) is { } u => Call(UnaryOp.Softplus, u),
        Unary { Op: UnaryOp.Log1p, Arg: Unary { Op: UnaryOp.Exp } inner } => Call(UnaryOp.Softplus, inner.Arg),
        Unary { Op: UnaryOp.Log, Arg: Unary { Op: UnaryOp.Sigmoid } inner } =>
            Neg(Call(UnaryOp.Softplus, Negate(inner.Arg))),
        _ => null,
    };

    /// <summary>The u of <c>1 + exp(u)</c> (either order), else null.</summary>
    private static Expr? OnePlusExp(Expr e) => e switch
    {
        Binary { Op: BinaryOp.Add, Left: Num { Value: 1 }, Right: Unary { Op: UnaryOp.Exp } exp } => exp.Arg,
        Binary { Op: BinaryOp.Add, Left: Unary { Op: UnaryOp.Exp } exp, Right: Num { Value: 1 } } => exp.Arg,
        _ => null,
    };

    private static Expr Negate(Expr e) => e is Unary { Op: UnaryOp.Neg } n ? n.Arg : Neg(e);
}
