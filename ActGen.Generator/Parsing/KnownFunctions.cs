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

    public const string MathFType = "System.MathF";

    public static IReadOnlyDictionary<string, UnaryOp> MathUnary => Primitives.ByMathName;

    public static readonly IReadOnlyDictionary<string, BinaryOp> MathBinary = new Dictionary<string, BinaryOp>
    {
        ["Pow"] = BinaryOp.Pow,
        ["Max"] = BinaryOp.Max,
        ["Min"] = BinaryOp.Min,
    };

    public static IReadOnlyDictionary<string, UnaryOp> MathXUnary => Primitives.ByMathXName;
}
