using System;
using System.Collections.Generic;
using System.Globalization;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Emit;

/// <summary>
/// Emits a let-free IR expression as TorchScript (Python syntax, <c>torch.*</c> ops), for devices and dtypes the
/// span kernels do not cover. Tracks which subexpressions are tensors: the rest are plain floats.
/// </summary>
internal static class TorchScriptEmitter
{
    private static readonly HashSet<string> Reserved =
    [
        "and", "or", "not", "if", "else", "elif", "lambda", "def", "return", "None", "True", "False", "in", "is",
        "pass", "class", "from", "import", "global", "with", "yield", "while", "for", "try", "except", "finally",
        "raise", "del", "as", "assert", "break", "continue", "nonlocal", "float", "int", "max", "min", "math", "torch",
    ];

    public sealed record Code(string Text, bool IsTensor);

    public static string Name(string name) => Reserved.Contains(name) ? name + "_" : name;

    public static Code Emit(Expr e, Func<string, bool> isTensor, string like)
    {
        Code Sub(Expr child) => Emit(child, isTensor, like);

        return e switch
        {
            Num n => new(Literal(n.Value), false),
            Ref r => new(Name(r.Name), isTensor(r.Name)),
            Unary u => UnaryCall(u.Op, Sub(u.Arg)),
            Binary { Op: BinaryOp.Max or BinaryOp.Min } b => Extremum(b.Op, Sub(b.Left), Sub(b.Right)),
            Binary { Op: BinaryOp.Pow } b => Both(Sub(b.Left), Sub(b.Right), (l, r) => l.IsTensor || r.IsTensor ? $"torch.pow({l.Text}, {r.Text})" : $"({l.Text} ** {r.Text})"),
            Binary b => Both(Sub(b.Left), Sub(b.Right), (l, r) => $"({l.Text} {ScalarEmitter.Operator(b.Op)} {r.Text})"),
            Compare c => Both(Sub(c.Left), Sub(c.Right), (l, r) => $"({l.Text} {ScalarEmitter.Operator(c.Op)} {r.Text})"),
            Logic l => Both(Sub(l.Left), Sub(l.Right), (a, b) => a.IsTensor || b.IsTensor
                ? $"({a.Text} {(l.Op == LogicOp.And ? "&" : "|")} {b.Text})"
                : $"({a.Text} {(l.Op == LogicOp.And ? "and" : "or")} {b.Text})"),
            Not n => Sub(n.Operand) is var o && o.IsTensor ? new($"torch.logical_not({o.Text})", true) : new($"(not {o.Text})", false),
            If i => Select(Sub(i.Condition), Sub(i.Then), Sub(i.Else), like),
            _ => throw new InvalidOperationException($"{e.GetType().Name} cannot be emitted as TorchScript."),
        };
    }

    public static string Literal(double value) => value switch
    {
        double.PositiveInfinity => "float('inf')",
        double.NegativeInfinity => "float('-inf')",
        _ when double.IsNaN(value) => "float('nan')",
        _ => NumericType.Double.Literal(value),
    };

    private static Code Both(Code left, Code right, Func<Code, Code, string> text) => new(text(left, right), left.IsTensor || right.IsTensor);

    private static Code UnaryCall(UnaryOp op, Code a) => (op, a.IsTensor) switch
    {
        (UnaryOp.Neg, _) => new($"(-{a.Text})", a.IsTensor),
        (UnaryOp.Softplus, true) => new($"torch.logaddexp({a.Text}, torch.zeros_like({a.Text}))", true),
        (_, true) => new($"torch.{op.ToString().ToLowerInvariant()}({a.Text})", true),
        (UnaryOp.Abs, false) => new($"math.fabs({a.Text})", false),
        (UnaryOp.Sigmoid, false) => new($"(1.0 / (1.0 + math.exp(-{a.Text})))", false),
        (UnaryOp.Softplus, false) => new($"math.log1p(math.exp({a.Text}))", false),
        (UnaryOp.Sign, false) => new($"math.copysign(1.0, {a.Text}) if {a.Text} != 0.0 else 0.0", false),
        _ => new($"math.{op.ToString().ToLowerInvariant()}({a.Text})", false),
    };

    private static Code Extremum(BinaryOp op, Code l, Code r)
    {
        var (tensorOp, bound, scalarOp) = op == BinaryOp.Max ? ("maximum", "min", "max") : ("minimum", "max", "min");
        return (l.IsTensor, r.IsTensor) switch
        {
            (true, true) => new($"torch.{tensorOp}({l.Text}, {r.Text})", true),
            (true, false) => new($"torch.clamp({l.Text}, {bound}={r.Text})", true),
            (false, true) => new($"torch.clamp({r.Text}, {bound}={l.Text})", true),
            _ => new($"{scalarOp}({l.Text}, {r.Text})", false),
        };
    }

    /// <summary><c>torch.where</c> for a tensor condition; two float branches become tensors like <paramref name="like"/> to keep its dtype.</summary>
    private static Code Select(Code condition, Code then, Code otherwise, string like) => condition.IsTensor
        ? (then.IsTensor || otherwise.IsTensor
            ? new($"torch.where({condition.Text}, {then.Text}, {otherwise.Text})", true)
            : new($"torch.where({condition.Text}, torch.full_like({like}, {then.Text}), torch.full_like({like}, {otherwise.Text}))", true))
        : new($"({then.Text} if {condition.Text} else {otherwise.Text})", then.IsTensor || otherwise.IsTensor);
}
