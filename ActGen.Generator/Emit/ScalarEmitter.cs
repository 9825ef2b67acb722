using System;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Emit;

/// <summary>Emits a let-free IR expression as a scalar C# expression of <see cref="NumericType"/>.</summary>
internal static class ScalarEmitter
{
    private const string MathX = "global::ActGen.MathX";

    public static string Emit(Expr e, NumericType type, Func<string, string> name)
    {
        string Sub(Expr child, int required) => Precedence.Wrap(child, Emit(child, type, name), required);
        string Call(string function, params Expr[] args) =>
            $"{function}({string.Join(", ", Array.ConvertAll(args, a => Emit(a, type, name)))})";
        var own = Precedence.Of(e);

        return e switch
        {
            Num n => type.Literal(n.Value),
            Ref r => name(r.Name),
            Unary { Op: UnaryOp.Neg } u => "-" + NoDoubleMinus(Sub(u.Arg, Precedence.Unary)),
            Unary u => Call(FunctionName(u.Op, type), u.Arg),
            Binary { Op: BinaryOp.Pow or BinaryOp.Max or BinaryOp.Min } b => Call($"{type.MathClass}.{b.Op}", b.Left, b.Right),
            Binary b => $"{Sub(b.Left, own)} {Operator(b.Op)} {Sub(b.Right, own + 1)}",
            Compare c => $"{Sub(c.Left, own + 1)} {Operator(c.Op)} {Sub(c.Right, own + 1)}",
            Logic l => $"{Sub(l.Left, own)} {(l.Op == LogicOp.And ? "&&" : "||")} {Sub(l.Right, own + 1)}",
            Not n => "!" + Sub(n.Operand, Precedence.Unary),
            If i => $"{Sub(i.Condition, Precedence.Or)} ? {Sub(i.Then, Precedence.Or)} : {Sub(i.Else, Precedence.Conditional)}",
            _ => throw new InvalidOperationException($"{e.GetType().Name} cannot be emitted as a scalar expression."),
        };
    }

    public static string FunctionName(UnaryOp op, NumericType type) => op switch
    {
        UnaryOp.Erf or UnaryOp.Log1p or UnaryOp.Expm1 or UnaryOp.Sigmoid or UnaryOp.Softplus or UnaryOp.Sign => $"{MathX}.{op}",
        _ => $"{type.MathClass}.{op}",
    };

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
        _ => "!=",
    };

    private static string NoDoubleMinus(string operand) => operand.StartsWith("-", StringComparison.Ordinal) ? $"({operand})" : operand;
}
