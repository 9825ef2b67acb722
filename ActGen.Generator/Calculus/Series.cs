using System;
using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Ir;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>Why a series could not be found; caught by <see cref="GuardLimits"/>, which then keeps the branch's derivative.</summary>
internal sealed class SeriesFailure(string reason) : Exception(reason);

/// <summary>The series depends on a condition free of the variable: the caller expands each case under it.</summary>
internal sealed class SeriesSplit(Expr condition) : Exception("split")
{
    public Expr Condition { get; } = condition;
}

/// <summary>
/// A truncated power series in t: Σ Coefficients[i]·t^(Valuation + i) + O(t^Precision), each coefficient IR in the
/// other variables. Division by a series whose leading coefficients vanish (a removable singularity, 0/0) drops them
/// first, so (eᵗˣ − 1)/t is x + x²t/2 + …; the price is precision, which the caller buys back with more terms.
/// </summary>
internal sealed record Series(int Valuation, ImmutableArray<Expr> Coefficients)
{
    public int Precision => Valuation + Coefficients.Length;

    /// <summary>The coefficient of t^k (zero below the valuation); k must be below the precision.</summary>
    public Expr At(int k) => k < Valuation ? Zero : Coefficients[k - Valuation];

    public static Series Constant(Expr value, int precision) =>
        new(0, Enumerable.Range(0, Math.Max(precision, 0)).Select(i => i == 0 ? value : Zero).ToImmutableArray());

    /// <summary>c + t: the guarded variable about its guarded value.</summary>
    public static Series Variable(Expr center, int precision) =>
        new(0, Enumerable.Range(0, precision).Select(i => i switch { 0 => center, 1 => One, _ => (Expr)Zero }).ToImmutableArray());

    public static Series Add(Series a, Series b) => Combine(a, b, Simplified(E.Add));

    public static Series Sub(Series a, Series b) => Combine(a, b, Simplified(E.Sub));

    public static Series Negate(Series a) =>
        a with { Coefficients = a.Coefficients.Select(c => Simplifier.Simplify(Neg(c))).ToImmutableArray() };

    public static Series Scale(Series a, Expr factor) =>
        a with { Coefficients = a.Coefficients.Select(c => Simplifier.Simplify(E.Mul(factor, c))).ToImmutableArray() };

    public static Series Mul(Series a, Series b)
    {
        var valuation = a.Valuation + b.Valuation;
        var precision = Math.Min(a.Valuation + b.Precision, b.Valuation + a.Precision);
        var coefficients = Enumerable.Range(0, Math.Max(precision - valuation, 0))
            .Select(k => Sum(Enumerable.Range(0, k + 1)
                .Where(i => i < a.Coefficients.Length && k - i < b.Coefficients.Length)
                .Select(i => E.Mul(a.Coefficients[i], b.Coefficients[k - i]))))
            .ToImmutableArray();
        return new Series(valuation, coefficients);
    }

    /// <summary>a/b, by long division once b's vanishing leading coefficients (where the assumptions hold) are dropped.</summary>
    public static Series Div(Series a, Series b, ImmutableDictionary<Expr, bool> assumed)
    {
        var (top, bottom) = (Normalize(a, assumed), Normalize(b, assumed));
        if (bottom.Coefficients.Length == 0)
        {
            throw new SeriesFailure("a divisor vanishes to every order computed");
        }

        var length = Math.Min(top.Coefficients.Length, bottom.Coefficients.Length);
        var quotient = ImmutableArray.CreateBuilder<Expr>(length);
        for (var k = 0; k < length; k++)
        {
            var known = Sum(Enumerable.Range(1, k).Select(j => E.Mul(bottom.Coefficients[j], quotient[k - j])));
            quotient.Add(Simplifier.Simplify(E.Div(E.Sub(top.Coefficients[k], known), bottom.Coefficients[0])));
        }

        return new Series(top.Valuation - bottom.Valuation, quotient.MoveToImmutable());
    }

    /// <summary>Drops leading coefficients that are zero at every probe point (raising the valuation); fails where unclear.</summary>
    public static Series Normalize(Series s, ImmutableDictionary<Expr, bool> assumed)
    {
        var zeros = 0;
        while (zeros < s.Coefficients.Length && IsZero(s.Coefficients[zeros], assumed))
        {
            zeros++;
        }

        return new Series(s.Valuation + zeros, s.Coefficients.RemoveRange(0, zeros));
    }

    /// <summary>Whether the coefficient is zero where the assumed conditions hold.</summary>
    public static bool IsZero(Expr coefficient, ImmutableDictionary<Expr, bool> assumed) =>
        coefficient is Num { Value: 0 } || NumericProbe.Classify(coefficient, assumed) switch
        {
            Vanishing.Zero => true,
            Vanishing.NonZero => false,
            Vanishing.Mixed => throw new SeriesFailure("the order to which a term vanishes depends on the other variables"),
            _ => throw new SeriesFailure("a term is not finite (a singularity that is not removable)"),
        };

    private static Func<Expr, Expr, Expr> Simplified(Func<Expr, Expr, Expr> op) => (l, r) => Simplifier.Simplify(op(l, r));

    private static Series Combine(Series a, Series b, Func<Expr, Expr, Expr> op)
    {
        var valuation = Math.Min(a.Valuation, b.Valuation);
        var precision = Math.Min(a.Precision, b.Precision);
        var coefficients = Enumerable.Range(valuation, Math.Max(precision - valuation, 0))
            .Select(k => op(a.At(k), b.At(k)))
            .ToImmutableArray();
        return new Series(valuation, coefficients);
    }

    private static Expr Sum(System.Collections.Generic.IEnumerable<Expr> terms) =>
        Simplifier.Simplify(terms.Aggregate((Expr)Zero, E.Add));
}
