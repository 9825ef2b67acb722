using ActGen.Generator.Ir;
using static ActGen.Generator.Calculus.Products;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>
/// Recognises sums and differences of exponentials that overflow in floating point and rewrites them to primitives
/// with stable implementations and derivatives in terms of their own value. Below, p = c·eᵃ and q = d·eᵇ with c, d &gt; 0
/// (a positive constant is c·e⁰; see <see cref="ExpTerm"/>). Without this, σ′(−800) = exp(800)/(1+exp(800))² is ∞/∞ = NaN,
/// and eˣ/(1 + eˣ) is NaN from x ≈ 89 in float.
/// </summary>
internal static class StableForms
{
    public static Expr? Recognize(Expr e) => e switch
    {
        // (p − q)/(p + q) = tanh((ln p − ln q)/2): (1 − e⁻ˣ)/(1 + e⁻ˣ) = tanh(x/2), (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) = tanh(x).
        Binary { Op: BinaryOp.Div } d when ExpTerm.Difference(d.Left) is { } n && ExpTerm.Sum(d.Right) is { } s && SameTerms(n, s) =>
            Call(UnaryOp.Tanh, Mul(N(0.5), n.P.LogRatio(n.Q))),
        // t·eᵇ/(p + q) = (t/d)·σ(ln q − ln p): the exponential cancels instead of overflowing (x·eˣ/(1 + eˣ) = x·σ(x)).
        Binary { Op: BinaryOp.Div } d when ExpTerm.Sum(d.Right) is { } s && Cancelled(d.Left, s.Q) is { } t =>
            Mul(Divided(t, s.Q.Scale), Call(UnaryOp.Sigmoid, s.Q.LogRatio(s.P))),
        Binary { Op: BinaryOp.Div } d when ExpTerm.Sum(d.Right) is { } s && Cancelled(d.Left, s.P) is { } t =>
            Mul(Divided(t, s.P.Scale), Call(UnaryOp.Sigmoid, s.P.LogRatio(s.Q))),
        // t/(p + q) = (t/c)·e⁻ᵃ·σ(ln p − ln q): 1/(1 + e⁻ˣ) = σ(x), x/(2 + 3eˣ) = (x/2)·σ(−x − ln 1.5).
        Binary { Op: BinaryOp.Div } d when ExpTerm.Sum(d.Right) is { } s =>
            Mul(Reciprocal(Divided(d.Left, s.P.Scale), s.P), Call(UnaryOp.Sigmoid, s.P.LogRatio(s.Q))),
        // ln(p + q) = ln p + softplus(ln q − ln p): ln(1 + eᵘ) = softplus(u), ln(½ + ½eˣ) = softplus(x) − ln 2.
        Unary { Op: UnaryOp.Log } l when ExpTerm.Sum(l.Arg) is { } s => Add(Call(UnaryOp.Softplus, s.Q.LogRatio(s.P)), s.P.Log),
        Unary { Op: UnaryOp.Log1p, Arg: Unary { Op: UnaryOp.Exp } inner } => Call(UnaryOp.Softplus, inner.Arg),
        Unary { Op: UnaryOp.Log, Arg: Unary { Op: UnaryOp.Sigmoid } inner } =>
            Neg(Call(UnaryOp.Softplus, Negate(inner.Arg))),
        _ => null,
    };

    private static bool SameTerms((ExpTerm P, ExpTerm Q) difference, (ExpTerm P, ExpTerm Q) sum) =>
        (difference.P.Equals(sum.P) && difference.Q.Equals(sum.Q)) || (difference.P.Equals(sum.Q) && difference.Q.Equals(sum.P));

    /// <summary>t with the factor e^(term's argument) taken out, for a term that is not constant.</summary>
    private static Expr? Cancelled(Expr t, ExpTerm term) => term.IsConstant ? null : Without(t, Call(UnaryOp.Exp, term.Arg));

    /// <summary>t·e⁻ᵃ for the term's argument a (t itself for a constant term).</summary>
    private static Expr Reciprocal(Expr t, ExpTerm term) => term.IsConstant ? t : Mul(t, Call(UnaryOp.Exp, Negate(term.Arg)));

    private static Expr Divided(Expr t, double scale) => scale == 1 ? t : Div(t, N(scale));
}
