using System;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Emit;

/// <summary>
/// Renders a let-free IR expression as a scalar C# expression of <see cref="NumericType"/>, with only the parentheses it needs.
/// </summary>
internal sealed class ScalarEmitter(NumericType type, Func<string, string> name) : IRenderer<string>
{
    public static string Emit(Expr e, NumericType type, Func<string, string> name) => Render.Expression(e, new ScalarEmitter(type, name));

    public string Number(double value) => type.Literal(value);

    public string Name(string n) => name(n);

    public string Negate(Operand<string> operand) => "-" + NoDoubleMinus(Wrap(operand, Precedence.Unary));

    public string Call(Primitive primitive, Operand<string> argument) => $"{primitive.Scalar(type)}({argument.Code})";

    public string Arithmetic(BinaryOp op, Operand<string> left, Operand<string> right) => op switch
    {
        BinaryOp.Pow or BinaryOp.Max or BinaryOp.Min => $"{type.MathClass}.{op}({left.Code}, {right.Code})",
        _ => $"{Wrap(left, Precedence.OfBinary(op))} {Operator(op)} {Wrap(right, Precedence.OfBinary(op) + 1)}",
    };

    /// <summary><c>x != x</c> (the NaN test) is spelled <c>double.IsNaN(x)</c>: the compiler warns of a comparison with itself.</summary>
    public string Compare(CompareOp op, Operand<string> left, Operand<string> right) =>
        Render.IsNanTest(op, left, right)
            ? $"{type.Keyword}.IsNaN({left.Code})"
            : $"{Wrap(left, Precedence.OfCompare(op) + 1)} {Operator(op)} {Wrap(right, Precedence.OfCompare(op) + 1)}";

    public string Logic(LogicOp op, Operand<string> left, Operand<string> right) =>
        $"{Wrap(left, Precedence.OfLogic(op))} {(op == LogicOp.And ? "&&" : "||")} {Wrap(right, Precedence.OfLogic(op) + 1)}";

    public string Not(Operand<string> operand) => "!" + Wrap(operand, Precedence.Unary);

    public string Select(Operand<string> condition, Operand<string> then, Operand<string> otherwise) =>
        $"{Wrap(condition, Precedence.Or)} ? {Wrap(then, Precedence.Or)} : {Wrap(otherwise, Precedence.Conditional)}";

    /// <summary>The callee's own method (its forward is the user's method) or its generated derivative; computed in double.</summary>
    public string Invoke(string target, System.Collections.Generic.IReadOnlyList<Operand<string>> arguments)
    {
        var call = $"{Method(target)}({string.Join(", ", System.Linq.Enumerable.Select(arguments, a => a.Code))})";
        return type == NumericType.Double ? call : $"(({type.Keyword}){call})";
    }

    /// <summary>The C# method a call target names.</summary>
    public static string Method(string target)
    {
        var (owner, name) = CallTargets.Split(CallTargets.Activation(target));
        return CallTargets.IsDerivative(target)
            ? $"{owner}.{Naming.MemberNames.Derivative(name)}"
            : $"{owner}.{Naming.Identifiers.Escape(name)}";
    }

    public static string Operator(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Sub => "-",
        BinaryOp.Mul => "*",
        BinaryOp.Div => "/",
        _ => throw new InvalidOperationException($"{op} is a function, not an operator."),
    };

    public static string Operator(CompareOp op) => op switch
    {
        CompareOp.Less => "<",
        CompareOp.LessOrEqual => "<=",
        CompareOp.Greater => ">",
        CompareOp.GreaterOrEqual => ">=",
        CompareOp.Equal => "==",
        CompareOp.NotEqual => "!=",
        _ => throw new InvalidOperationException($"Unknown comparison {op}."),
    };

    private static string Wrap(Operand<string> child, int required) => Precedence.Wrap(child.Node, child.Code, required);

    private static string NoDoubleMinus(string operand) => operand.StartsWith("-", StringComparison.Ordinal) ? $"({operand})" : operand;
}
