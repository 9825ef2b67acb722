using System;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Emit;

/// <summary>
/// Emits a let-free IR expression as TorchScript (Python syntax, <c>torch.*</c> ops), for devices and dtypes the
/// span kernels do not cover. Tracks which subexpressions are tensors: the rest are plain floats. A function of
/// floats alone (<c>sqrt(eps)</c>) is computed on a tensor like the input: libtorch's TorchScript has no
/// <c>math</c> module to call, and a program it cannot compile would end the process.
/// </summary>
internal static class TorchScriptEmitter
{
    public sealed record Code(string Text, bool IsTensor);

    /// <param name="name">The Python spelling of an IR name.</param>
    /// <param name="isTensor">Whether a Python name holds a tensor.</param>
    public static Code Emit(Expr e, Func<string, string> name, Func<string, bool> isTensor, string like)
    {
        Code Sub(Expr child) => Emit(child, name, isTensor, like);

        return e switch
        {
            Num n => new(Literal(n.Value), false),
            Ref r => new(name(r.Name), isTensor(name(r.Name))),
            Unary { Op: UnaryOp.Neg } u => Negate(Sub(u.Arg)),
            Unary u => TensorCall(u.Op, AsTensor(Sub(u.Arg), like)),
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

    private static Code Negate(Code a) => new($"(-{a.Text})", a.IsTensor);

    private static Code AsTensor(Code a, string like) => a.IsTensor ? a : new($"torch.full_like({like}, {a.Text})", true);

    private static Code Both(Code left, Code right, Func<Code, Code, string> text) => new(text(left, right), left.IsTensor || right.IsTensor);

    /// <summary>softplus(u) = max(u, 0) + log1p(exp(−|u|)): stable, element-wise, and fusable (no logaddexp).</summary>
    private static Code TensorCall(UnaryOp op, Code a) => op switch
    {
        UnaryOp.Softplus => new($"(torch.clamp({a.Text}, min=0.0) + torch.log1p(torch.exp(-torch.abs({a.Text}))))", true),
        _ => new($"torch.{op.ToString().ToLowerInvariant()}({a.Text})", true),
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

    /// <summary>
    /// <c>torch.where</c> for a tensor condition (two float branches become tensors like <paramref name="like"/> to keep its
    /// dtype); a float condition picks a branch, both of one type (TorchScript types the conditional).
    /// </summary>
    private static Code Select(Code condition, Code then, Code otherwise, string like) => condition.IsTensor
        ? (then.IsTensor || otherwise.IsTensor
            ? new($"torch.where({condition.Text}, {then.Text}, {otherwise.Text})", true)
            : new($"torch.where({condition.Text}, torch.full_like({like}, {then.Text}), torch.full_like({like}, {otherwise.Text}))", true))
        : then.IsTensor == otherwise.IsTensor
            ? new($"({then.Text} if {condition.Text} else {otherwise.Text})", then.IsTensor)
            : new($"({AsTensor(then, like).Text} if {condition.Text} else {AsTensor(otherwise, like).Text})", true);
}
