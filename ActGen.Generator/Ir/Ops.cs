namespace ActGen.Generator.Ir;

internal enum UnaryOp
{
    Neg,
    Exp,
    Log,
    Log10,
    Sqrt,
    Abs,
    Sign,
    Tanh,
    Sinh,
    Cosh,
    Sin,
    Cos,
    Tan,
    Atan,
    Asinh,
    Acosh,
    Atanh,
    Cbrt,
    Floor,
    Ceiling,
    Round,
    Truncate,
    Erf,
    Log1p,
    Expm1,
    Sigmoid,
    Softplus,
}

internal enum BinaryOp
{
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Max,
    Min,
}

internal enum CompareOp
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

internal enum LogicOp
{
    And,
    Or,
}
