using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Ir;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>
/// Derivatives at an equality guard, <c>v == c ? g : h</c>, taken with respect to v. Such a guard is how users write a
/// removable singularity (soft exponential's <c>α == 0 ? x : (e^{αx} − 1)/α + α</c>, sinc's <c>x == 0 ? 1 : sin x / x</c>):
/// g is the value h tends to, but g is constant in v, so its derivative (0) says nothing, and α would never learn
/// from 0. The derivative there is the limit of ∂h/∂v as v → c: the coefficient of t in the power series of h in
/// t = v − c, taken from both sides (they must agree), in the other variables. Where no series is found the guarded
/// branch's derivative stays, and lowering reports it (<see cref="Unresolved"/>). A guard on another variable needs
/// nothing: where it holds, f is g as a function of v.
/// </summary>
internal static class GuardLimits
{
    private static readonly int[] Precisions = [3, 6];
    private static readonly ImmutableDictionary<Expr, bool> Assumptions = ImmutableDictionary<Expr, bool>.Empty;
    private const int MaxPieces = 4;

    /// <summary>An equality guard on a variable: the value it is guarded at and the branch that holds elsewhere.</summary>
    private sealed record Guard(Expr Center, Expr Regular, bool HoldsInThen);

    /// <summary>The limit of ∂h/∂v, or why there is none.</summary>
    private sealed record Limit(Expr? Value, string? Reason);

    public static Expr Differentiate(If e, string wrt, Func<Expr, Expr> d) =>
        Find(e, wrt) is { } guard && Slope(guard.Regular, wrt, guard.Center).Value is { } limit
            ? guard.HoldsInThen ? Select(e.Condition, limit, d(e.Else)) : Select(e.Condition, d(e.Then), limit)
            : Select(e.Condition, d(e.Then), d(e.Else));

    /// <summary>
    /// Every equality guard on one of <paramref name="variables"/> whose limit was not found, with the reason; an
    /// equality that is not such a guard (<c>β·x == 0</c>, <c>x == 0 &amp;&amp; a == 1</c>) has no limit taken at all.
    /// </summary>
    public static IEnumerable<(string Variable, string Reason)> Unresolved(Expr e, IEnumerable<string> variables) =>
        from node in Traversal.Nodes(e).OfType<If>().Distinct()
        from v in variables
        let reason = Find(node, v) is { } guard ? Slope(guard.Regular, v, guard.Center).Reason : Unrecognized(node.Condition, v)
        where reason is not null
        select (v, reason!);

    /// <summary>Why a condition that tests equality involving v is not a guard ActGen takes a limit at, else null.</summary>
    private static string? Unrecognized(Expr condition, string v) =>
        Traversal.Nodes(condition)
            .OfType<Compare>()
            .Any(c => c.Op is CompareOp.Equal or CompareOp.NotEqual && !c.Left.Equals(c.Right) && Traversal.Mentions(c, v))
            ? $"the condition is not '{v} == c' alone, the only form of guard ActGen takes limits at"
            : null;

    private static Guard? Find(If e, string v) => e.Condition switch
    {
        Compare { Op: CompareOp.Equal or CompareOp.NotEqual } c when Center(c, v) is { } center =>
            new Guard(center, c.Op == CompareOp.Equal ? e.Else : e.Then, c.Op == CompareOp.Equal),
        _ => null,
    };

    private static Expr? Center(Compare c, string v) => (c.Left, c.Right) switch
    {
        (Ref l, var r) when l.Name == v && !Traversal.Mentions(r, v) => r,
        (var l, Ref r) when r.Name == v && !Traversal.Mentions(l, v) => l,
        _ => null,
    };

    /// <summary>The coefficient of t in h's series about the guard, with more terms each try (a singularity costs precision).</summary>
    private static Limit Slope(Expr regular, string v, Expr center)
    {
        string? reason = null;
        foreach (var precision in Precisions)
        {
            try
            {
                Expr OnSide(int side) =>
                    Coefficient(regular, new SeriesExpansion(v, center, side, precision, Assumptions))
                    ?? throw new SeriesFailure("no probe point lies where the branch is defined");
                return Agreeing(OnSide(+1), OnSide(-1));
            }
            catch (SeriesFailure failure)
            {
                reason = failure.Message;
            }
        }

        return new Limit(null, reason);
    }

    /// <summary>
    /// The coefficient of t, piecewise (<c>c ? … : …</c>) over the conditions on other variables that h meets; null for
    /// an empty case (max(a, cosh x) − max(c, cosh x) where c &gt; cosh x), which then takes the other's. A thin case
    /// (min(a, x) about c = −1.48 where x &lt; c; log(1 + x⁴) &lt; log(1 + c²)), which few probe points reach, is not empty:
    /// taking the other case's coefficient there would be a wrong limit, so the limit fails instead.
    /// </summary>
    private static Expr? Coefficient(Expr regular, SeriesExpansion expansion)
    {
        if (!NumericProbe.Inhabited(expansion.Assumed))
        {
            return NumericProbe.Reachable(expansion.Assumed)
                ? throw new SeriesFailure("the other branch has a case too thin for ActGen's probe to check")
                : null;
        }

        try
        {
            var series = expansion.Expand(regular);
            return series.Precision < 2 ? throw new SeriesFailure("the series needs more terms than ActGen computes")
                : !Bounded(series, expansion.Assumed) ? throw new SeriesFailure("the other branch has a pole at the guard")
                : series.At(1);
        }
        catch (SeriesSplit split) when (expansion.Assumed.Count < MaxPieces)
        {
            Expr? Assuming(bool holds) => Coefficient(regular, expansion with { Assumed = expansion.Assumed.Add(split.Condition, holds) });
            var (then, otherwise) = (Assuming(true), Assuming(false));
            return then is null || otherwise is null ? then ?? otherwise : Simplifier.Simplify(Select(split.Condition, then, otherwise));
        }
        catch (SeriesSplit)
        {
            throw new SeriesFailure("the other branch has too many pieces");
        }
    }

    private static bool Bounded(Series s, ImmutableDictionary<Expr, bool> assumed) =>
        Enumerable.Range(s.Valuation, Math.Max(-s.Valuation, 0)).All(k => Series.IsZero(s.At(k), assumed));

    private static Limit Agreeing(Expr right, Expr left) =>
        NumericProbe.Classify(right) == Vanishing.Undefined
            ? new Limit(null, "the limit is not finite")
            : right.Equals(left) || Series.IsZero(Simplifier.Simplify(Sub(right, left)), Assumptions)
                ? new Limit(right, null)
                : new Limit(null, "the limits from either side differ");
}
