using System;
using ActGen.Generator.Ir;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>Identities of the arithmetic operators (x+0, x·1, x·0, x/x, x^2 = x·x, …).</summary>
internal static class BinaryIdentities
{
    public static Expr Rewrite(Binary b) => (b.Op, b.Left, b.Right) switch
    {
        (_, Num l, Num r) => N(ConstantFolding.Fold(b.Op, l.Value, r.Value)),

        (BinaryOp.Add, Num { Value: 0 }, var r) => r,
        (BinaryOp.Add, var l, Num { Value: 0 }) => l,
        (BinaryOp.Add, var l, Unary { Op: UnaryOp.Neg } r) => Sub(l, r.Arg),
        (BinaryOp.Add, Unary { Op: UnaryOp.Neg } l, var r) => Sub(r, l.Arg),
        (BinaryOp.Add, var l, Num { Value: < 0 } r) => Sub(l, N(-r.Value)),

        (BinaryOp.Sub, var l, Num { Value: 0 }) => l,
        (BinaryOp.Sub, Num { Value: 0 }, var r) => Neg(r),
        (BinaryOp.Sub, var l, var r) when l.Equals(r) => Zero,
        (BinaryOp.Sub, var l, Unary { Op: UnaryOp.Neg } r) => Add(l, r.Arg),

        (BinaryOp.Mul, Num { Value: 0 }, _) or (BinaryOp.Mul, _, Num { Value: 0 }) => Zero,
        (BinaryOp.Mul, Num { Value: 1 }, var r) => r,
        (BinaryOp.Mul, var l, Num { Value: 1 }) => l,
        (BinaryOp.Mul, Num { Value: -1 }, var r) => Neg(r),
        (BinaryOp.Mul, var l, Num { Value: -1 }) => Neg(l),
        (BinaryOp.Mul, Unary { Op: UnaryOp.Neg } l, Unary { Op: UnaryOp.Neg } r) => Mul(l.Arg, r.Arg),
        (BinaryOp.Mul, Unary { Op: UnaryOp.Neg } l, var r) => Neg(Mul(l.Arg, r)),
        (BinaryOp.Mul, var l, Unary { Op: UnaryOp.Neg } r) => Neg(Mul(l, r.Arg)),
        (BinaryOp.Mul, var l, Num r) => Mul(r, l),
        (BinaryOp.Mul, Num l, Binary { Op: BinaryOp.Mul, Left: Num inner } r) => Mul(N(l.Value * inner.Value), r.Right),

        (BinaryOp.Div, Num { Value: 0 }, _) => Zero,
        (BinaryOp.Div, var l, Num { Value: 1 }) => l,
        (BinaryOp.Div, var l, var r) when l.Equals(r) => One,
        (BinaryOp.Div, Unary { Op: UnaryOp.Neg } l, var r) => Neg(Div(l.Arg, r)),
        (BinaryOp.Div, Binary { Op: BinaryOp.Mul } l, var r) when l.Left.Equals(r) => l.Right,
        (BinaryOp.Div, Binary { Op: BinaryOp.Mul } l, var r) when l.Right.Equals(r) => l.Left,
        (BinaryOp.Div, var l, Num r) when IsPowerOfTwo(r.Value) => Mul(N(1 / r.Value), l),

        (BinaryOp.Pow, var l, Num { Value: 1 }) => l,
        (BinaryOp.Pow, _, Num { Value: 0 }) => One,
        (BinaryOp.Pow, var l, Num { Value: 2 }) => Mul(l, l),
        (BinaryOp.Pow, var l, Num { Value: 3 }) => Mul(Mul(l, l), l),
        (BinaryOp.Pow, var l, Num { Value: 0.5 }) => Call(UnaryOp.Sqrt, l),
        (BinaryOp.Pow, var l, Num { Value: -1 }) => Div(One, l),

        (BinaryOp.Max or BinaryOp.Min, var l, var r) when l.Equals(r) => l,
        _ => b,
    };

    private static bool IsPowerOfTwo(double value)
    {
        if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
        {
            return false;
        }

        var exponent = Math.Log(Math.Abs(value), 2);
        return exponent == Math.Round(exponent) && Math.Abs(exponent) < 64;
    }
}
