namespace ActGen.Generator.Ir;

/// <summary>Short constructors so calculus rules read like the mathematics.</summary>
internal static class E
{
    public static readonly Num Zero = new(0);
    public static readonly Num One = new(1);

    public static Expr N(double value) => new Num(value);
    public static Expr Add(Expr a, Expr b) => new Binary(BinaryOp.Add, a, b);
    public static Expr Sub(Expr a, Expr b) => new Binary(BinaryOp.Sub, a, b);
    public static Expr Mul(Expr a, Expr b) => new Binary(BinaryOp.Mul, a, b);
    public static Expr Div(Expr a, Expr b) => new Binary(BinaryOp.Div, a, b);
    public static Expr Pow(Expr a, Expr b) => new Binary(BinaryOp.Pow, a, b);
    public static Expr Neg(Expr a) => new Unary(UnaryOp.Neg, a);
    public static Expr Call(UnaryOp op, Expr a) => new Unary(op, a);
    public static Expr Gt(Expr a, Expr b) => new Compare(CompareOp.Greater, a, b);
    public static Expr Lt(Expr a, Expr b) => new Compare(CompareOp.Less, a, b);
    public static Expr Select(Expr condition, Expr then, Expr otherwise) => new If(condition, then, otherwise);
}
