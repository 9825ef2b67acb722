using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Ir;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>
/// The power series of an expression in t = v − c as t → 0 from one side (<see cref="Side"/> ±1): the side decides
/// comparisons that tie at t = 0 (α &lt; 0 ? … : …), by the sign of their leading term. Every primitive composes by
/// its own derivative rule in the table (f(u₀ + w) = Σ f⁽ᵏ⁾(u₀)wᵏ/k!), so a new primitive needs nothing here.
/// Conditions free of the variable are decided by <see cref="Assumed"/>.
/// </summary>
internal sealed record SeriesExpansion(string Variable, Expr Center, int Side, int Precision, ImmutableDictionary<Expr, bool> Assumed)
{
    private const string Point = "\u00b7u";
    private static readonly Expr True = new Compare(CompareOp.Equal, Zero, Zero);
    private static readonly Expr False = new Compare(CompareOp.NotEqual, Zero, Zero);

    /// <summary>Coefficients larger than this stop the expansion: the series of a deep composition grows fast.</summary>
    private const int MaxSize = 2000;

    public Series Expand(Expr e) => Bounded(ExpandNode(e));

    private static Series Bounded(Series s) => s.Coefficients.All(c => Traversal.Size(c) <= MaxSize)
        ? s
        : throw new SeriesFailure("the series grows too large");

    private Series ExpandNode(Expr e) => !Traversal.Mentions(e, Variable) ? Series.Constant(e, Precision) : e switch
    {
        Ref => Series.Variable(Center, Precision),
        Unary u => Function(u.Op, Expand(u.Arg)),
        Binary { Op: BinaryOp.Add } b => Series.Add(Expand(b.Left), Expand(b.Right)),
        Binary { Op: BinaryOp.Sub } b => Series.Sub(Expand(b.Left), Expand(b.Right)),
        Binary { Op: BinaryOp.Mul } b => Series.Mul(Expand(b.Left), Expand(b.Right)),
        Binary { Op: BinaryOp.Div } b => Series.Div(Expand(b.Left), Expand(b.Right), Assumed),
        Binary { Op: BinaryOp.Pow, Right: Num { Value: var n } } b when n == System.Math.Round(n) && System.Math.Abs(n) <= 8 =>
            IntegerPower(Expand(b.Left), (int)n),
        Binary { Op: BinaryOp.Pow } b => Expand(Call(UnaryOp.Exp, Mul(b.Right, Call(UnaryOp.Log, b.Left)))),
        Binary { Op: BinaryOp.Max } b => Expand(new If(Gt(b.Left, b.Right), b.Left, b.Right)),
        Binary { Op: BinaryOp.Min } b => Expand(new If(Lt(b.Left, b.Right), b.Left, b.Right)),
        If i => Branches(NearSide(i.Condition), i.Then, i.Else),
        _ => throw new SeriesFailure($"{e.GetType().Name} of the guarded variable has no series"),
    };

    /// <summary>
    /// A branch decided near t = 0 is taken; a condition on the other variables alone is split on by the caller
    /// (<see cref="SeriesSplit"/>), so that no coefficient is piecewise: the probe then decides each piece's zeros.
    /// </summary>
    private Series Branches(Expr condition, Expr then, Expr otherwise) =>
        condition.Equals(True) ? Expand(then)
        : condition.Equals(False) ? Expand(otherwise)
        : Assumed.TryGetValue(condition, out var holds) ? Expand(holds ? then : otherwise)
        : throw new SeriesSplit(condition);

    /// <summary>
    /// The condition as it holds for small t on this side, free of the variable: l − r = d·tᵏ + … has the sign of
    /// d·sideᵏ, and an equality of two different series fails near t = 0.
    /// </summary>
    private Expr NearSide(Expr condition) => !Traversal.Mentions(condition, Variable) ? condition : condition switch
    {
        Compare c => NearSide(c.Op, Series.Sub(Expand(c.Left), Expand(c.Right))),
        Logic l => l with { Left = NearSide(l.Left), Right = NearSide(l.Right) },
        Not n => new Not(NearSide(n.Operand)),
        _ => throw new SeriesFailure("a condition on the guarded variable has no side"),
    };

    /// <summary>Two series that differ are unequal for small t; an ordering follows the sign of the leading term.</summary>
    private Expr NearSide(CompareOp op, Series difference)
    {
        var leading = OnThisSide(Leading(difference));
        return op switch
        {
            CompareOp.Equal => False,
            CompareOp.NotEqual => True,
            _ => leading is Num n ? (ConstantFolding.Fold(op, n.Value, 0) ? True : False) : new Compare(op, leading, Zero),
        };
    }

    /// <summary>d·sideᵏ: the sign that d·tᵏ has for small t on this side.</summary>
    private Expr OnThisSide((Expr Coefficient, int Order) term) =>
        term.Order % 2 != 0 && Side < 0 ? Neg(term.Coefficient) : term.Coefficient;

    private (Expr Coefficient, int Order) Leading(Series s)
    {
        var normal = Series.Normalize(s, Assumed);
        return normal.Coefficients.Length > 0
            ? (normal.Coefficients[0], normal.Valuation)
            : throw new SeriesFailure("a comparison ties to every order computed");
    }

    private Series Function(UnaryOp op, Series u) => op switch
    {
        UnaryOp.Neg => Series.Negate(u),
        UnaryOp.Abs => Series.Scale(u, Sign(u)),
        UnaryOp.Sign => Series.Constant(Sign(u), u.Precision),
        UnaryOp.Floor or UnaryOp.Ceiling or UnaryOp.Round or UnaryOp.Truncate =>
            throw new SeriesFailure($"{op} of the guarded variable is a step"),
        _ => Taylor(op, u),
    };

    /// <summary>The sign of u near t = 0 on this side, as IR (it fails where u vanishes to every order computed).</summary>
    private Expr Sign(Series u) => Simplifier.Simplify(Call(UnaryOp.Sign, OnThisSide(Leading(u))));

    /// <summary>f(u₀ + w) = Σ f⁽ᵏ⁾(u₀)·wᵏ/k!, with each f⁽ᵏ⁾ from the primitive's derivative rule.</summary>
    private Series Taylor(UnaryOp op, Series u)
    {
        var normal = u.Valuation < 0 ? Series.Normalize(u, Assumed) : u;
        if (normal.Valuation < 0)
        {
            throw new SeriesFailure($"{op} of a term that grows without bound");
        }

        var u0 = normal.At(0);
        var w = Series.Sub(normal, Series.Constant(u0, normal.Precision));
        var (derivative, factorial) = ((Expr)Call(op, new Ref(Point)), 1.0);
        var (sum, power) = (Series.Constant(Zero, normal.Precision), Series.Constant(One, normal.Precision));
        for (var k = 0; k < normal.Precision; k++)
        {
            var atPoint = Substitution.Substitute(derivative, ImmutableDictionary<string, Expr>.Empty.Add(Point, u0));
            var coefficient = Simplifier.Simplify(Div(atPoint, N(factorial)));
            if (NumericProbe.Classify(coefficient, Assumed) == Vanishing.Undefined)
            {
                throw new SeriesFailure($"{op} is not analytic where the guard holds");
            }

            sum = Series.Add(sum, Series.Scale(power, coefficient));
            power = Series.Mul(power, w);
            derivative = Simplifier.Simplify(Differentiation.Differentiate(derivative, Point));
            factorial *= k + 1;
        }

        return sum;
    }

    private Series IntegerPower(Series a, int n) => n switch
    {
        0 => Series.Constant(One, a.Precision),
        < 0 => Series.Div(Series.Constant(One, a.Precision), IntegerPower(a, -n), Assumed),
        _ => Enumerable.Range(1, n - 1).Aggregate(a, (p, _) => Series.Mul(p, a)),
    };
}
