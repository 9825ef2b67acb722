using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Ir;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>A product seen as its list of factors (through <c>·</c> and negation), and built back from one.</summary>
internal static class Products
{
    private static readonly Num MinusOne = new(-1);

    public static IEnumerable<Expr> Factors(Expr e) => e switch
    {
        Binary { Op: BinaryOp.Mul } m => Factors(m.Left).Concat(Factors(m.Right)),
        Unary { Op: UnaryOp.Neg } n => new Expr[] { MinusOne }.Concat(Factors(n.Arg)),
        _ => [e],
    };

    public static Expr Product(IEnumerable<Expr> factors) =>
        factors.Aggregate((Expr?)null, (acc, f) => acc is null ? f : Mul(acc, f)) ?? One;

    /// <summary>The product <paramref name="e"/> with one factor equal to <paramref name="factor"/> taken out, else null.</summary>
    public static Expr? Without(Expr e, Expr factor)
    {
        var factors = Factors(e).ToList();
        var at = factors.IndexOf(factor);
        return at < 0 ? null : Product(factors.Where((_, i) => i != at));
    }

    /// <summary>−e, without a double negation.</summary>
    public static Expr Negate(Expr e) => e is Unary { Op: UnaryOp.Neg } n ? n.Arg : Neg(e);

    /// <summary>Values the simplifier knows are never negative (|e| is e).</summary>
    public static bool NonNegative(Expr e) =>
        e is Unary { Op: UnaryOp.Abs or UnaryOp.Exp or UnaryOp.Sigmoid or UnaryOp.Softplus } or Num { Value: >= 0 };
}
