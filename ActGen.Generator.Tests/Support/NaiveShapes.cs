using System;
using ActGen.Generator.Ir;
using static ActGen.Generator.Ir.E;

namespace ActGen.Tests.Support;

/// <summary>
/// Naive spellings of stable functions, each over an inner argument u, with its exact value written by hand in a
/// stable form (in double, from <see cref="Reference"/>, never from the naive form). <paramref name="CancellationScale"/>
/// is the size of the terms that still cancel where the exact value crosses 0 (ln(a + b·eᵘ) = 0 at a + b·eᵘ = 1):
/// there every form, stable or not, errs by a few ulp of that size.
/// </summary>
internal sealed record NaiveShape(
    string Name, Func<Expr, Expr> Naive, Func<double, double, double> Exact, Func<double, double> CancellationScale)
{
    private static readonly Ref X = new("x");

    private static Expr Exp(Expr u) => Call(UnaryOp.Exp, u);

    public override string ToString() => Name;

    public static NaiveShape[] All(double a, double b) =>
    [
        new("e^u/(1+e^u)", u => Div(Exp(u), Add(One, Exp(u))), (u, _) => Reference.Sigmoid(u), _ => 0),
        new("x·e^u/(1+e^u)", u => Div(Mul(X, Exp(u)), Add(One, Exp(u))), (u, x) => x * Reference.Sigmoid(u), _ => 0),
        new("(1−e^−u)/(1+e^−u)", u => Div(Sub(One, Exp(Neg(u))), Add(One, Exp(Neg(u)))), (u, _) => Math.Tanh(u / 2), _ => 0),
        new("(e^u−e^−u)/(e^u+e^−u)", u => Div(Sub(Exp(u), Exp(Neg(u))), Add(Exp(u), Exp(Neg(u)))), (u, _) => Math.Tanh(u), _ => 0),
        new("ln(½+½e^u)", u => Call(UnaryOp.Log, Add(N(0.5), Mul(N(0.5), Exp(u)))), (u, _) => LogAddExp(Math.Log(0.5), Math.Log(0.5) + u),
            u => Math.Log(2)),
        new($"ln({a}+{b}e^u)", u => Call(UnaryOp.Log, Add(N(a), Mul(N(b), Exp(u)))), (u, _) => LogAddExp(Math.Log(a), Math.Log(b) + u),
            u => Math.Max(Math.Abs(Math.Log(a)), Math.Abs(Math.Log(b) + u))),
        new("ln(1+u)", u => Call(UnaryOp.Log, Add(One, u)), (u, _) => Reference.Log1p(u), _ => 0),
        new("e^u−1", u => Sub(Exp(u), One), (u, _) => Reference.Expm1(u), _ => 0),
        new("1−e^u", u => Sub(One, Exp(u)), (u, _) => -Reference.Expm1(u), _ => 0),
    ];

    /// <summary>ln(eᵖ + e^q) = max + log1p(e^−|p − q|).</summary>
    private static double LogAddExp(double p, double q) => Math.Max(p, q) + Reference.Log1p(Math.Exp(-Math.Abs(p - q)));
}
