using System;

namespace ActGen.Generator.Ir;

/// <summary>
/// Everything the generator knows about one elementary function, in one place: how users spell it, its derivative
/// rule, its constant fold, and its spelling in every back end. A new primitive is one entry in <see cref="Primitives"/>.
/// </summary>
/// <param name="MathName">The <c>System.Math</c> (and <c>System.MathF</c>) method users call, or null.</param>
/// <param name="MathXName">The <c>ActGen.MathX</c> method users call, or null.</param>
/// <param name="Derivative">f′(u) given u and self = f(u); written with self where that keeps it finite.</param>
/// <param name="Fold">f(a) for a constant a, where the generator computes it exactly as the emitted code would; else null.</param>
/// <param name="Scalar">The C# function for one element of the given type (a full name).</param>
/// <param name="Vector">The <c>Vector&lt;T&gt;</c> expression over a rendered argument, or null where there is none (scalar loop).</param>
/// <param name="TorchScript">The TorchScript expression over a rendered tensor argument.</param>
/// <param name="Cuda">The CUDA math function (overloaded for float and double), or an ActGen preamble function.</param>
internal sealed record Primitive(
    UnaryOp Op,
    string? MathName,
    string? MathXName,
    Func<Expr, Expr, Expr> Derivative,
    Func<double, double?> Fold,
    Func<Emit.NumericType, string> Scalar,
    Func<Emit.NumericType, string, string>? Vector,
    Func<string, string> TorchScript,
    string Cuda)
{
    /// <summary>How users write it, for messages: <c>Math.Exp</c>, <c>ActGen.MathX.Erf</c>.</summary>
    public string Spelling => MathName is not null ? $"Math.{MathName}" : $"ActGen.MathX.{MathXName}";
}
