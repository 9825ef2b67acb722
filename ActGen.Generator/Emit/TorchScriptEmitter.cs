using System;
using System.Linq;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Emit;

/// <summary>
/// Renders a let-free IR expression as TorchScript (Python syntax, <c>torch.*</c> ops), for devices and dtypes the
/// span kernels do not cover. Tracks which subexpressions are tensors: the rest are plain floats. A function of
/// floats alone (<c>sqrt(eps)</c>) is computed on a tensor like <paramref name="like"/>: libtorch's TorchScript has no
/// <c>math</c> module to call, and a program it cannot compile would end the process.
/// </summary>
/// <param name="name">The Python spelling of an IR name.</param>
/// <param name="isTensor">Whether a Python name holds a tensor.</param>
/// <param name="like">The tensor a constant result (or a promoted float) takes its shape and dtype from.</param>
/// <param name="function">The program's function for a call target (its callees are functions of the program).</param>
internal sealed class TorchScriptEmitter(
    Func<string, string> name,
    Func<string, bool> isTensor,
    string like,
    Func<string, string>? function = null)
    : IRenderer<TorchScriptEmitter.Code>
{
    public sealed record Code(string Text, bool IsTensor);

    public static Code Emit(
        Expr e,
        Func<string, string> name,
        Func<string, bool> isTensor,
        string like,
        Func<string, string>? function = null) =>
        Render.Expression(e, new TorchScriptEmitter(name, isTensor, like, function));

    /// <summary>The input is a tensor; the other arguments are floats (calls whose other arguments vary are inlined).</summary>
    public Code Invoke(string target, System.Collections.Generic.IReadOnlyList<Operand<Code>> arguments) =>
        new($"{(function ?? throw new InvalidOperationException($"No function for {target}."))(target)}("
            + string.Join(", ", arguments.Select((a, i) => i == 0 ? AsTensor(a.Code).Text : a.Code.Text)) + ")", true);

    public static string Literal(double value) => value switch
    {
        double.PositiveInfinity => "float('inf')",
        double.NegativeInfinity => "float('-inf')",
        _ when double.IsNaN(value) => "float('nan')",
        _ => NumericType.Double.Literal(value),
    };

    public Code Number(double value) => new(Literal(value), false);

    public Code Name(string n) => new(name(n), isTensor(name(n)));

    public Code Negate(Operand<Code> operand) => new($"(-{operand.Code.Text})", operand.Code.IsTensor);

    public Code Call(Primitive primitive, Operand<Code> argument) => new(primitive.TorchScript(AsTensor(argument.Code).Text), true);

    public Code Arithmetic(BinaryOp op, Operand<Code> left, Operand<Code> right)
    {
        var (l, r) = (left.Code, right.Code);
        var tensor = l.IsTensor || r.IsTensor;
        return op switch
        {
            BinaryOp.Max or BinaryOp.Min => Extremum(op, l, r),
            BinaryOp.Pow => Power(l, r),
            _ => new($"({l.Text} {ScalarEmitter.Operator(op)} {r.Text})", tensor),
        };
    }

    public Code Compare(CompareOp op, Operand<Code> left, Operand<Code> right) =>
        new($"({left.Code.Text} {ScalarEmitter.Operator(op)} {right.Code.Text})", left.Code.IsTensor || right.Code.IsTensor);

    public Code Logic(LogicOp op, Operand<Code> left, Operand<Code> right)
    {
        var (a, b) = (left.Code, right.Code);
        return a.IsTensor || b.IsTensor
            ? new($"({a.Text} {(op == LogicOp.And ? "&" : "|")} {b.Text})", true)
            : new($"({a.Text} {(op == LogicOp.And ? "and" : "or")} {b.Text})", false);
    }

    /// <summary><c>== 0</c> on a boolean tensor: NNC fuses <c>eq</c>, not <c>logical_not</c>.</summary>
    public Code Not(Operand<Code> operand) => operand.Code.IsTensor
        ? new($"({operand.Code.Text} == 0)", true)
        : new($"(not {operand.Code.Text})", false);

    /// <summary>
    /// <c>torch.where</c> for a tensor condition; with two float branches the second becomes a tensor like the input
    /// through a second <c>where</c> whose tensor branch is never taken, so the result keeps the input's dtype without a
    /// <c>full_like</c> (which NNC does not fuse). A float condition picks a branch of floats as Python does; with a tensor
    /// branch it becomes a tensor condition, since a conditional over tensors splits NNC's fusion group into blocks.
    /// </summary>
    public Code Select(Operand<Code> condition, Operand<Code> then, Operand<Code> otherwise)
    {
        var (c, t, e) = (condition.Code, then.Code, otherwise.Code);
        return (c.IsTensor, t.IsTensor || e.IsTensor) switch
        {
            (true, true) => new($"torch.where({c.Text}, {t.Text}, {e.Text})", true),
            (true, false) => Floats(c.Text, t.Text, e.Text),
            (false, false) => new($"({t.Text} if {c.Text} else {e.Text})", false),
            (false, true) => new($"torch.where(({FloatAsTensor($"(1.0 if {c.Text} else 0.0)", like)} > 0.5), {t.Text}, {e.Text})", true),
        };
    }

    private Code Floats(string condition, string then, string otherwise) => new(Where(condition, then, otherwise, like), true);

    private Code AsTensor(Code a) => a.IsTensor ? a : new(FloatAsTensor(a.Text, like), true);

    /// <summary><c>where(c, a, b)</c> of two floats as a tensor like <paramref name="like"/>: <c>where(c, a, where(c, like, b))</c>.
    /// </summary>
    private static string Where(string condition, string then, string otherwise, string like) =>
        $"torch.where({condition}, {then}, torch.where({condition}, {like}, {otherwise}))";

    /// <summary>
    /// A float as a tensor of <paramref name="like"/>'s shape and dtype, in ops NNC fuses (<c>full_like</c> it does not): a
    /// select of the float on both sides, whose tensor branch is never taken.
    /// </summary>
    public static string FloatAsTensor(string value, string like) => Where($"({like} != {like})", value, value, like);

    /// <summary>
    /// A float exponent is <c>**</c> (<c>pow.Tensor_Scalar</c>, which NNC fuses); a tensor exponent stays <c>torch.pow</c>,
    /// which it does not. A negative base literal is parenthesised: Python binds <c>-2.0 ** a</c> as <c>-(2.0 ** a)</c>.
    /// </summary>
    private static Code Power(Code l, Code r)
    {
        var b = l.Text.StartsWith("-", StringComparison.Ordinal) ? $"({l.Text})" : l.Text;
        return r.IsTensor
            ? new($"torch.pow({l.Text}, {r.Text})", true)
            : new($"({b} ** {r.Text})", l.IsTensor);
    }

    private static Code Extremum(BinaryOp op, Code l, Code r)
    {
        // torch.max(a, b) is aten::max.other, which NNC fuses (maximum it does not); both propagate NaN.
        var (tensorOp, bound, scalarOp) = op == BinaryOp.Max ? ("max", "min", "max") : ("min", "max", "min");
        return (l.IsTensor, r.IsTensor) switch
        {
            (true, true) => new($"torch.{tensorOp}({l.Text}, {r.Text})", true),
            (true, false) => new($"torch.clamp({l.Text}, {bound}={r.Text})", true),
            (false, true) => new($"torch.clamp({r.Text}, {bound}={l.Text})", true),
            _ => new($"{scalarOp}({l.Text}, {r.Text})", false),
        };
    }
}
