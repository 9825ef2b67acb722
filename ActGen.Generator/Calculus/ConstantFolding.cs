using System;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Calculus;

/// <summary>Evaluates primitives on constants, where the generator can do so exactly as the emitted code would.</summary>
internal static class ConstantFolding
{
    public static double? Fold(UnaryOp op, double a) => op == UnaryOp.Neg ? -a : Primitives.Of(op).Fold(a);

    public static double Fold(BinaryOp op, double a, double b) => op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Sub => a - b,
        BinaryOp.Mul => a * b,
        BinaryOp.Div => a / b,
        BinaryOp.Pow => Math.Pow(a, b),
        BinaryOp.Max => Math.Max(a, b),
        BinaryOp.Min => Math.Min(a, b),
        _ => throw new InvalidOperationException($"Unknown operator {op}."),
    };

    public static bool Fold(CompareOp op, double a, double b) => op switch
    {
        CompareOp.Less => a < b,
        CompareOp.LessOrEqual => a <= b,
        CompareOp.Greater => a > b,
        CompareOp.GreaterOrEqual => a >= b,
        CompareOp.Equal => a == b,
        CompareOp.NotEqual => a != b,
        _ => throw new InvalidOperationException($"Unknown comparison {op}."),
    };
}
