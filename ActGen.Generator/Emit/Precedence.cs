using ActGen.Generator.Ir;

namespace ActGen.Generator.Emit;

/// <summary>C# operator precedence of IR nodes, to emit only the parentheses that are needed.</summary>
internal static class Precedence
{
    public const int Conditional = 1;
    public const int Or = 2;
    public const int And = 3;
    public const int Equality = 4;
    public const int Relational = 5;
    public const int Additive = 6;
    public const int Multiplicative = 7;
    public const int Unary = 8;
    public const int Primary = 9;

    public static int Of(Expr e) => e switch
    {
        If => Conditional,
        Logic l => OfLogic(l.Op),
        Compare c => OfCompare(c.Op),
        Binary { Op: BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul or BinaryOp.Div } b => OfBinary(b.Op),
        Unary { Op: UnaryOp.Neg } or Not or Num { Value: < 0 } => Unary,
        _ => Primary,
    };

    public static int OfBinary(BinaryOp op) => op switch
    {
        BinaryOp.Add or BinaryOp.Sub => Additive,
        BinaryOp.Mul or BinaryOp.Div => Multiplicative,
        _ => Primary,
    };

    public static int OfCompare(CompareOp op) => op is CompareOp.Equal or CompareOp.NotEqual ? Equality : Relational;

    public static int OfLogic(LogicOp op) => op == LogicOp.Or ? Or : And;

    /// <summary>Wraps <paramref name="text"/> in parentheses when <paramref name="child"/> binds looser than its context needs.</summary>
    public static string Wrap(Expr child, string text, int required) => Of(child) < required ? $"({text})" : text;
}
