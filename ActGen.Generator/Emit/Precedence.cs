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
        Logic { Op: LogicOp.Or } => Or,
        Logic => And,
        Compare { Op: CompareOp.Equal or CompareOp.NotEqual } => Equality,
        Compare => Relational,
        Binary { Op: BinaryOp.Add or BinaryOp.Sub } => Additive,
        Binary { Op: BinaryOp.Mul or BinaryOp.Div } => Multiplicative,
        Unary { Op: UnaryOp.Neg } or Not or Num { Value: < 0 } => Unary,
        _ => Primary,
    };

    /// <summary>Wraps <paramref name="text"/> in parentheses when <paramref name="child"/> binds looser than its context needs.</summary>
    public static string Wrap(Expr child, string text, int required) => Of(child) < required ? $"({text})" : text;
}
