using System.Collections.Generic;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Parsing;

/// <summary>The library functions an activation may call, by containing type and name.</summary>
internal static class KnownFunctions
{
    public const string MathType = "System.Math";
    public const string MathXType = "ActGen.MathX";
    public const string ActivationAttribute = "ActGen.ActivationAttribute";
    public const string LearnableAttribute = "ActGen.LearnableAttribute";
    public const string RandomizedAttribute = "ActGen.RandomizedAttribute";

    public static readonly IReadOnlyDictionary<string, UnaryOp> MathUnary = new Dictionary<string, UnaryOp>
    {
        ["Exp"] = UnaryOp.Exp,
        ["Log"] = UnaryOp.Log,
        ["Log10"] = UnaryOp.Log10,
        ["Sqrt"] = UnaryOp.Sqrt,
        ["Abs"] = UnaryOp.Abs,
        ["Sign"] = UnaryOp.Sign,
        ["Tanh"] = UnaryOp.Tanh,
        ["Sinh"] = UnaryOp.Sinh,
        ["Cosh"] = UnaryOp.Cosh,
        ["Sin"] = UnaryOp.Sin,
        ["Cos"] = UnaryOp.Cos,
        ["Atan"] = UnaryOp.Atan,
    };

    public static readonly IReadOnlyDictionary<string, BinaryOp> MathBinary = new Dictionary<string, BinaryOp>
    {
        ["Pow"] = BinaryOp.Pow,
        ["Max"] = BinaryOp.Max,
        ["Min"] = BinaryOp.Min,
    };

    public static readonly IReadOnlyDictionary<string, UnaryOp> MathXUnary = new Dictionary<string, UnaryOp>
    {
        ["Erf"] = UnaryOp.Erf,
        ["Log1p"] = UnaryOp.Log1p,
        ["Expm1"] = UnaryOp.Expm1,
        ["Sigmoid"] = UnaryOp.Sigmoid,
        ["Softplus"] = UnaryOp.Softplus,
        ["Sign"] = UnaryOp.Sign,
    };
}
