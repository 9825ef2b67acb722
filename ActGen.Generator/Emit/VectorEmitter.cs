using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Emit;

/// <summary>
/// Emits a let-free IR expression over <c>System.Numerics.Vector&lt;T&gt;</c>. Both sides of a <c>?:</c> are
/// computed and blended with a mask. <see cref="CanVectorize"/> says whether every primitive has a vector form.
/// </summary>
internal static class VectorEmitter
{
    private const string Vector = "global::System.Numerics.Vector";
    private const string MathX = "global::ActGen.MathX";

    /// <summary>Unary primitives with a vector form: .NET's own, or one in ActGen.MathX (Exp too: faster than .NET's on AVX2).</summary>
    private static readonly HashSet<UnaryOp> VectorUnary =
    [
        UnaryOp.Neg, UnaryOp.Exp, UnaryOp.Log, UnaryOp.Log10, UnaryOp.Sqrt, UnaryOp.Abs,
        UnaryOp.Sign, UnaryOp.Sigmoid, UnaryOp.Tanh, UnaryOp.Erf, UnaryOp.Softplus, UnaryOp.Log1p, UnaryOp.Expm1,
    ];

    public static bool CanVectorize(Expr e) => Traversal.Nodes(e).All(n => n switch
    {
        Unary u => VectorUnary.Contains(u.Op),
        Binary b => b.Op != BinaryOp.Pow,
        _ => true,
    });

    public static string Emit(Expr e, NumericType type, Func<string, string> name)
    {
        string Sub(Expr child, int required) => OwnPrecedence(child) < required ? $"({Emit(child, type, name)})" : Emit(child, type, name);
        string Call(string function, params Expr[] args) =>
            $"{function}({string.Join(", ", args.Select(a => Emit(a, type, name)))})";
        var own = OwnPrecedence(e);

        return e switch
        {
            Num { Value: 0 } => $"{type.VectorType}.Zero",
            Num { Value: 1 } => $"{type.VectorType}.One",
            Num n => $"new {type.VectorType}({type.Literal(n.Value)})",
            Ref r => name(r.Name),
            Unary { Op: UnaryOp.Neg } u => "-" + Sub(u.Arg, Precedence.Unary),
            Unary { Op: UnaryOp.Log or UnaryOp.Abs } u => Call($"{Vector}.{u.Op}", u.Arg),
            Unary { Op: UnaryOp.Sqrt } u => Call($"{Vector}.SquareRoot", u.Arg),
            Unary { Op: UnaryOp.Log10 } u => $"{Call($"{Vector}.Log", u.Arg)} * new {type.VectorType}({type.Literal(1 / Math.Log(10))})",
            Unary u => Call($"{MathX}.{u.Op}", u.Arg),
            Binary { Op: BinaryOp.Max or BinaryOp.Min } b => Call($"{Vector}.{b.Op}", b.Left, b.Right),
            Binary b => $"{Sub(b.Left, own)} {ScalarEmitter.Operator(b.Op)} {Sub(b.Right, own + 1)}",
            Compare { Op: CompareOp.NotEqual } c => $"~{Call($"{Vector}.Equals", c.Left, c.Right)}",
            Compare c => Call($"{Vector}.{CompareName(c.Op)}", c.Left, c.Right),
            Logic l => $"({Emit(l.Left, type, name)} {(l.Op == LogicOp.And ? "&" : "|")} {Emit(l.Right, type, name)})",
            Not n => $"~{Sub(n.Operand, Precedence.Unary)}",
            If i => Call($"{Vector}.ConditionalSelect", i.Condition, i.Then, i.Else),
            _ => throw new InvalidOperationException($"{e.GetType().Name} cannot be emitted as a vector expression."),
        };
    }

    /// <summary>In vector code comparisons, selections and logic are calls or parenthesised: they bind like primaries.</summary>
    private static int OwnPrecedence(Expr e) => e switch
    {
        If or Compare or Logic => Precedence.Primary,
        Not => Precedence.Unary,
        _ => Precedence.Of(e),
    };

    private static string CompareName(CompareOp op) => op switch
    {
        CompareOp.Less => "LessThan",
        CompareOp.LessOrEqual => "LessThanOrEqual",
        CompareOp.Greater => "GreaterThan",
        CompareOp.GreaterOrEqual => "GreaterThanOrEqual",
        _ => "Equals",
    };
}
