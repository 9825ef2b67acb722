using System;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Emit;

/// <summary>
/// Renders a let-free IR expression over <c>System.Numerics.Vector&lt;T&gt;</c>. Both sides of a <c>?:</c> are
/// computed and blended with a mask. Use only where <see cref="Render.HasVectorForm"/> holds.
/// </summary>
internal sealed class VectorEmitter(NumericType type, Func<string, string> name) : IRenderer<string>
{
    private const string Vector = "global::System.Numerics.Vector";

    public static bool CanVectorize(Expr e) => Render.HasVectorForm(e);

    public static string Emit(Expr e, NumericType type, Func<string, string> name) => Render.Expression(e, new VectorEmitter(type, name));

    public string Number(double value) => value switch
    {
        0 => $"{type.VectorType}.Zero",
        1 => $"{type.VectorType}.One",
        _ => $"new {type.VectorType}({type.Literal(value)})",
    };

    public string Name(string n) => name(n);

    public string Negate(Operand<string> operand) => "-" + Wrap(operand, Precedence.Unary);

    public string Call(Primitive primitive, Operand<string> argument) =>
        (primitive.Vector ?? throw new InvalidOperationException($"{primitive.Op} has no vector form."))(type, argument.Code);

    public string Arithmetic(BinaryOp op, Operand<string> left, Operand<string> right) => op switch
    {
        BinaryOp.Max or BinaryOp.Min => $"{Vector}.{op}({left.Code}, {right.Code})",
        BinaryOp.Pow => throw new InvalidOperationException("Pow has no vector form."),
        _ => $"{Wrap(left, Precedence.OfBinary(op))} {ScalarEmitter.Operator(op)} {Wrap(right, Precedence.OfBinary(op) + 1)}",
    };

    public string Compare(CompareOp op, Operand<string> left, Operand<string> right) => op switch
    {
        CompareOp.NotEqual => $"~{Vector}.Equals({left.Code}, {right.Code})",
        _ => $"{Vector}.{CompareName(op)}({left.Code}, {right.Code})",
    };

    public string Logic(LogicOp op, Operand<string> left, Operand<string> right) =>
        $"({left.Code} {(op == LogicOp.And ? "&" : "|")} {right.Code})";

    public string Not(Operand<string> operand) => $"~{Wrap(operand, Precedence.Unary)}";

    public string Select(Operand<string> condition, Operand<string> then, Operand<string> otherwise) =>
        $"{Vector}.ConditionalSelect({condition.Code}, {then.Code}, {otherwise.Code})";

    public string Invoke(string target, System.Collections.Generic.IReadOnlyList<Operand<string>> arguments) =>
        throw new InvalidOperationException($"A call of {target} has no vector form: kernels that call run the scalar loop.");

    /// <summary>In vector code comparisons, selections and logic are calls or parenthesised: they bind like primaries.</summary>
    private static string Wrap(Operand<string> child, int required)
    {
        var own = child.Node switch
        {
            If or Ir.Compare or Ir.Logic => Precedence.Primary,
            Ir.Not => Precedence.Unary,
            _ => Precedence.Of(child.Node),
        };
        return own < required ? $"({child.Code})" : child.Code;
    }

    private static string CompareName(CompareOp op) => op switch
    {
        CompareOp.Less => "LessThan",
        CompareOp.LessOrEqual => "LessThanOrEqual",
        CompareOp.Greater => "GreaterThan",
        CompareOp.GreaterOrEqual => "GreaterThanOrEqual",
        CompareOp.Equal => "Equals",
        _ => throw new InvalidOperationException($"{op} is rendered as a negated Equals."),
    };
}
