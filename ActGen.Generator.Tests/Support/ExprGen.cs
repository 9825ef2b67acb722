using System;
using ActGen.Generator.Ir;
using CsCheck;

namespace ActGen.Tests.Support;

/// <summary>CsCheck generators of random expression trees over the supported subset, in x and a parameter a.</summary>
internal static class ExprGen
{
    private static readonly UnaryOp[] SmoothUnary =
    [
        UnaryOp.Neg, UnaryOp.Exp, UnaryOp.Tanh, UnaryOp.Sin, UnaryOp.Cos, UnaryOp.Atan, UnaryOp.Erf,
        UnaryOp.Sigmoid, UnaryOp.Softplus, UnaryOp.Sinh, UnaryOp.Cosh,
    ];

    private static readonly BinaryOp[] BinaryOps = [BinaryOp.Add, BinaryOp.Sub, BinaryOp.Mul, BinaryOp.Max, BinaryOp.Min];

    private static Gen<T> Pick<T>(T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static readonly Gen<Expr> Leaf = Gen.OneOf(
        Gen.Const<Expr>(new Ref("x")),
        Gen.Const<Expr>(new Ref("a")),
        Gen.Double[-3, 3].Select(v => (Expr)new Num(Math.Round(v, 2))));

    /// <summary>Expressions that are smooth except at the kinks of max/min/?: (where tests skip points).</summary>
    public static Gen<Expr> Smooth(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency(
            (2, Leaf),
            (3, Gen.Select(Pick(SmoothUnary), Smooth(depth - 1), (op, a) => (Expr)new Unary(op, a))),
            (4, Gen.Select(Pick(BinaryOps), Smooth(depth - 1), Smooth(depth - 1),
                (op, a, b) => (Expr)new Binary(op, a, b))),
            (1, Gen.Select(Smooth(depth - 1), Smooth(depth - 1), (a, b) => E.Div(a, E.Add(E.N(1.5), E.Call(UnaryOp.Abs, b))))),
            (1, Smooth(depth - 1).Select(a => E.Call(UnaryOp.Log, E.Add(E.N(1), E.Mul(a, a))))),
            (1, Smooth(depth - 1).Select(a => E.Call(UnaryOp.Sqrt, E.Add(E.N(0.5), E.Mul(a, a))))),
            (1, Smooth(depth - 1).Select(a => E.Pow(E.Add(E.N(1), E.Mul(a, a)), E.N(1.5)))),
            (1, Gen.Select(Smooth(depth - 1), Smooth(depth - 1), Smooth(depth - 1),
                (c, t, f) => (Expr)new If(new Compare(CompareOp.Greater, c, E.N(0.3)), t, f))));
}
