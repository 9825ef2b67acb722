using System.Linq;
using ActGen.Generator.Ir;
using static ActGen.Generator.Calculus.Products;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>
/// Products of an exponential with factors that are themselves exponentially small, merged into one exp, so a
/// vanishing factor times an overflowing one is a small exponent, not 0·∞ = NaN. Each such factor has a stable
/// logarithm: ln eᵛ = v, ln σ(u) = −softplus(−u), ln(1 − σ(u)) = −softplus(u), and
/// ln sech²(u) = ln(1 − tanh²u) = ln 4 − 2|u| − 2·softplus(−2|u|), from sech²(u) = 4·e^−2|u| / (1 + e^−2|u|)².
/// The derivatives of tanh, σ and softplus of an exponential are such products: (x·tanh(eˣ))′ holds sech²(eˣ)·eˣ,
/// which at x = 800 is exp(800 + ln 4 − 2·eˣ − …) = exp(−∞) = 0 instead of (1 − 1)·∞.
/// </summary>
internal static class ExponentialProducts
{
    private static readonly double Ln4 = System.Math.Log(4);

    public static Expr? Merge(Expr e)
    {
        if (e is not Binary { Op: BinaryOp.Mul })
        {
            return null;
        }

        var factors = Factors(e).Select(f => (Factor: f, Log: Logarithm(f))).ToList();
        var exponents = factors.Where(f => f.Log is not null && IsExp(f.Factor)).Select(f => f.Log!).ToList();
        var vanishing = factors.Count(f => f.Log is not null && !IsExp(f.Factor));
        // eᵘ·eᵘ is left alone: it overflows exactly where e²ᵘ does, and shares one exp with its neighbours.
        var worthMerging = exponents.Count > 0 && (vanishing > 0 || exponents.Distinct().Count() > 1);
        if (!worthMerging)
        {
            return null;
        }

        var merged = Call(UnaryOp.Exp, LinearCombination.Sum(factors.Where(f => f.Log is not null).Select(f => f.Log!)));
        return Product(factors.Where(f => f.Log is null).Select(f => f.Factor).Append(merged));
    }

    private static bool IsExp(Expr f) => f is Unary { Op: UnaryOp.Exp };

    /// <summary>A finite-everywhere ln f for the factors that can vanish or overflow exponentially, else null.</summary>
    private static Expr? Logarithm(Expr f) => f switch
    {
        Unary { Op: UnaryOp.Exp, Arg: not Num } exp => exp.Arg,
        Unary { Op: UnaryOp.Sigmoid } s => Neg(Call(UnaryOp.Softplus, Negate(s.Arg))),
        Binary { Op: BinaryOp.Sub, Left: Num { Value: 1 }, Right: Unary { Op: UnaryOp.Sigmoid } s } => Neg(Call(UnaryOp.Softplus, s.Arg)),
        Binary { Op: BinaryOp.Sub, Left: Num { Value: 1 }, Right: Binary { Op: BinaryOp.Mul, Left: Unary { Op: UnaryOp.Tanh } t } square }
            when t.Equals(square.Right) => SechSquaredLog(t.Arg),
        _ => null,
    };

    private static Expr SechSquaredLog(Expr u)
    {
        var magnitude = NonNegative(u) ? u : Call(UnaryOp.Abs, u);
        return Sub(Sub(N(Ln4), Mul(N(2), magnitude)), Mul(N(2), Call(UnaryOp.Softplus, Neg(Mul(N(2), magnitude)))));
    }
}
