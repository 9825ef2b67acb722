using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Calculus;

/// <summary>What a coefficient is at the probe's points.</summary>
internal enum Vanishing
{
    /// <summary>Zero wherever it is finite: an identity the simplifier did not see (x·a − a·x, exp(0·u) − 1).</summary>
    Zero,

    /// <summary>Nonzero wherever it is finite.</summary>
    NonZero,

    /// <summary>Zero at some points, not at others: the order of vanishing depends on the other variables.</summary>
    Mixed,

    /// <summary>Finite at no point (log 0, 1/0): the expansion has met a singularity.</summary>
    Undefined,
}

/// <summary>
/// Decides whether an expression of the input and parameters is identically zero by evaluating it at fixed
/// pseudo-random points (an identity test in the manner of Schwartz–Zippel): the series of a guarded branch divides by
/// its leading coefficient, which must be known to be nonzero, and symbolic simplification cannot see every zero.
/// The points depend only on each name, so the generator stays deterministic.
/// </summary>
internal static class NumericProbe
{
    private const int Points = 24;
    private const int Enough = 3;
    private const int MorePoints = 1024;
    private const int ReachPoints = 4096;
    private const double Tolerance = 1e-9;

    /// <summary>What <paramref name="e"/> is at the points where every assumed condition has its assumed truth.</summary>
    public static Vanishing Classify(Expr e, ImmutableDictionary<Expr, bool> assumed)
    {
        var values = Inside(assumed)
            .Select(i => Evaluate(e, name => Coordinate(name, i)))
            .Where(v => IsFinite(v.Value) && IsFinite(v.Scale))
            .ToList();
        if (values.Count == 0)
        {
            return Vanishing.Undefined;
        }

        var zeros = values.Count(v => Math.Abs(v.Value) <= Tolerance * (1 + v.Scale));
        return zeros == values.Count ? Vanishing.Zero : zeros == 0 ? Vanishing.NonZero : Vanishing.Mixed;
    }

    public static Vanishing Classify(Expr e) => Classify(e, ImmutableDictionary<Expr, bool>.Empty);

    /// <summary>Whether enough points satisfy the assumptions to say anything there.</summary>
    public static bool Inhabited(ImmutableDictionary<Expr, bool> assumed) => Inside(assumed).Count() >= Enough;

    /// <summary>
    /// Whether any point of a far denser and wider set (magnitudes 1e-6 to 1e6) satisfies the assumptions: a case that
    /// is not <see cref="Inhabited"/> but reachable is thin, not empty, and nothing may be concluded about it.
    /// </summary>
    public static bool Reachable(ImmutableDictionary<Expr, bool> assumed) =>
        Enumerable.Range(0, ReachPoints).Any(i => Satisfies(assumed, name => WideCoordinate(name, i)));

    /// <summary>
    /// The points where every assumption holds: among the first <see cref="Points"/>, or, where fewer than
    /// <see cref="Enough"/> of those do (a thin case), the first <see cref="Points"/> of up to <see cref="MorePoints"/>.
    /// </summary>
    private static IEnumerable<int> Inside(ImmutableDictionary<Expr, bool> assumed)
    {
        var first = Enumerable.Range(0, Points).Where(i => Satisfies(assumed, name => Coordinate(name, i))).ToList();
        return first.Count >= Enough || assumed.IsEmpty
            ? first
            : Enumerable.Range(0, MorePoints).Where(i => Satisfies(assumed, name => Coordinate(name, i))).Take(Points).ToList();
    }

    private static bool Satisfies(ImmutableDictionary<Expr, bool> assumed, Func<string, double> env) =>
        assumed.All(a => Holds(a.Key, env) == a.Value);

    private static bool IsFinite(double v) => !double.IsNaN(v) && !double.IsInfinity(v);

    /// <summary>A value of magnitude 0.05 to 4 (log-uniform) for point <paramref name="index"/> of a name, of either sign.</summary>
    private static double Coordinate(string name, int index) => Signed(Hash(name, index), 0.05, 80);

    /// <summary>A value of magnitude 1e-6 to 1e6 (log-uniform), of either sign, and exact zeros now and then.</summary>
    private static double WideCoordinate(string name, int index) =>
        Hash(name + "~", index) is var hash && hash % 64 == 0 ? 0 : Signed(hash, 1e-6, 1e12);

    private static double Signed(uint hash, double smallest, double range)
    {
        var magnitude = smallest * Math.Pow(range, ((hash >> 8) & 0xFFFF) / 65535.0);
        return (hash & 1) == 0 ? magnitude : -magnitude;
    }

    private static uint Hash(string name, int index)
    {
        var hash = 2166136261u;
        foreach (var c in name + "#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    /// <summary>The value, and the largest magnitude met on the way (the scale a rounding error is relative to).</summary>
    private static (double Value, double Scale) Evaluate(Expr e, Func<string, double> env)
    {
        var scale = 0.0;
        double Measured(double v)
        {
            scale = Math.Max(scale, Math.Abs(v));
            return v;
        }

        var value = Value(e, env, Measured);
        return (value, scale);
    }

    private static double Value(Expr e, Func<string, double> env, Func<double, double> seen) => seen(e switch
    {
        Num n => n.Value,
        Ref r => env(r.Name),
        Unary u => Function(u.Op, Value(u.Arg, env, seen)),
        Binary b => ConstantFolding.Fold(b.Op, Value(b.Left, env, seen), Value(b.Right, env, seen)),
        If i => Holds(i.Condition, env) ? Value(i.Then, env, seen) : Value(i.Else, env, seen),
        _ => double.NaN,
    });

    private static bool Holds(Expr condition, Func<string, double> env) => condition switch
    {
        Compare c => ConstantFolding.Fold(c.Op, Value(c.Left, env, v => v), Value(c.Right, env, v => v)),
        Logic { Op: LogicOp.And } l => Holds(l.Left, env) && Holds(l.Right, env),
        Logic l => Holds(l.Left, env) || Holds(l.Right, env),
        Not n => !Holds(n.Operand, env),
        _ => false,
    };

    /// <summary>Each primitive's value in double (NaN where unknown: that point then does not count).</summary>
    public static double Function(UnaryOp op, double a) => op switch
    {
        UnaryOp.Neg => -a,
        UnaryOp.Exp => Math.Exp(a),
        UnaryOp.Log => Math.Log(a),
        UnaryOp.Log10 => Math.Log10(a),
        UnaryOp.Sqrt => Math.Sqrt(a),
        UnaryOp.Cbrt => Math.Sign(a) * Math.Pow(Math.Abs(a), 1.0 / 3),
        UnaryOp.Abs => Math.Abs(a),
        UnaryOp.Sign => double.IsNaN(a) ? double.NaN : Math.Sign(a),
        UnaryOp.Tanh => Math.Tanh(a),
        UnaryOp.Sinh => Math.Sinh(a),
        UnaryOp.Cosh => Math.Cosh(a),
        UnaryOp.Sin => Math.Sin(a),
        UnaryOp.Cos => Math.Cos(a),
        UnaryOp.Tan => Math.Tan(a),
        UnaryOp.Atan => Math.Atan(a),
        UnaryOp.Asinh => Math.Log(a + Math.Sqrt(a * a + 1)),
        UnaryOp.Acosh => Math.Log(a + Math.Sqrt(a * a - 1)),
        UnaryOp.Atanh => 0.5 * Math.Log((1 + a) / (1 - a)),
        UnaryOp.Floor => Math.Floor(a),
        UnaryOp.Ceiling => Math.Ceiling(a),
        UnaryOp.Round => Math.Round(a),
        UnaryOp.Truncate => Math.Truncate(a),
        UnaryOp.Erf => Erf(a),
        UnaryOp.Log1p => Math.Log(1 + a),
        UnaryOp.Expm1 => Math.Exp(a) - 1,
        UnaryOp.Sigmoid => 1 / (1 + Math.Exp(-a)),
        UnaryOp.Softplus => Math.Max(a, 0) + Math.Log(1 + Math.Exp(-Math.Abs(a))),
        _ => double.NaN,
    };

    /// <summary>erf by its Maclaurin series, exact to rounding for the probe's small arguments (none in netstandard2.0).</summary>
    private static double Erf(double a)
    {
        if (!(Math.Abs(a) <= 3))
        {
            return double.NaN;
        }

        var (sum, term) = (0.0, a);
        for (var n = 0; n < 60; n++)
        {
            sum += term / (2 * n + 1);
            term *= -a * a / (n + 1);
        }

        return 2 / Math.Sqrt(Math.PI) * sum;
    }
}
