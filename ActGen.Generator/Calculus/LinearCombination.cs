using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Ir;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>
/// A sum of terms with like terms collected: <c>x + 1.4 − 2·eˣ − (−eˣ)</c> is <c>x − eˣ + 1.4</c>. Exponents merged
/// by <see cref="ExponentialProducts"/> need it: <c>eᵘ − 2eᵘ</c> left uncollected is ∞ − ∞ = NaN where eᵘ overflows.
/// </summary>
internal static class LinearCombination
{
    public static Expr Sum(IEnumerable<Expr> terms)
    {
        var scaled = terms.SelectMany(t => Terms(t, 1)).ToList();
        var constant = scaled.Where(t => t.Term is null).Sum(t => t.Coefficient);
        var collected = scaled
            .Where(t => t.Term is not null)
            .GroupBy(t => t.Term!)
            .Select(g => (Coefficient: g.Sum(t => t.Coefficient), Term: g.Key))
            .Where(t => t.Coefficient != 0);
        var sum = collected.Aggregate((Expr?)null, (acc, t) => Append(acc, t.Coefficient, t.Term));
        return sum is null ? N(constant) : constant == 0 ? sum : Add(sum, N(constant));
    }

    private static Expr Append(Expr? sum, double coefficient, Expr term)
    {
        var magnitude = System.Math.Abs(coefficient) == 1 ? term : Mul(N(System.Math.Abs(coefficient)), term);
        return (sum, coefficient < 0) switch
        {
            (null, false) => magnitude,
            (null, true) => Neg(magnitude),
            (_, false) => Add(sum, magnitude),
            _ => Sub(sum, magnitude),
        };
    }

    /// <summary>(coefficient, term) pairs of c·e; a null term is the constant.</summary>
    private static IEnumerable<(double Coefficient, Expr? Term)> Terms(Expr e, double scale) => e switch
    {
        Num n => [(scale * n.Value, null)],
        Binary { Op: BinaryOp.Add } b => Terms(b.Left, scale).Concat(Terms(b.Right, scale)),
        Binary { Op: BinaryOp.Sub } b => Terms(b.Left, scale).Concat(Terms(b.Right, -scale)),
        Unary { Op: UnaryOp.Neg } n => Terms(n.Arg, -scale),
        Binary { Op: BinaryOp.Mul, Left: Num c } m => Terms(m.Right, scale * c.Value),
        _ => [(scale, e)],
    };
}
