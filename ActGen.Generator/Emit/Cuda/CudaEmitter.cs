using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Emit.Cuda;

/// <summary>
/// Renders a let-free IR expression as CUDA C++ over the element type <c>T</c> of a template (<c>float</c> or
/// <c>double</c>): numbers are <c>T(…)</c>, so float kernels compute in float as the C# float kernels do, and each
/// function is the CUDA math overload its <see cref="Primitive"/> names. C's precedence is C#'s for these operators.
/// </summary>
/// <param name="name">The C++ spelling of an IR name.</param>
/// <param name="function">The device function of a call target (see <see cref="CudaProgram"/>).</param>
internal sealed class CudaEmitter(Func<string, string> name, Func<string, string> function) : IRenderer<string>
{
    public static string Emit(Expr e, Func<string, string> name, Func<string, string> function) =>
        Render.Expression(e, new CudaEmitter(name, function));

    public string Number(double value) => value switch
    {
        double.PositiveInfinity => "T(INFINITY)",
        double.NegativeInfinity => "T(-INFINITY)",
        _ when double.IsNaN(value) => "T(NAN)",
        _ => $"T({NumericType.Double.Literal(value)})",
    };

    public string Name(string n) => name(n);

    public string Negate(Operand<string> operand) => $"(-{operand.Code})";

    public string Call(Primitive primitive, Operand<string> argument) => $"{primitive.Cuda}({argument.Code})";

    public string Arithmetic(BinaryOp op, Operand<string> left, Operand<string> right) => op switch
    {
        BinaryOp.Pow => $"pow({left.Code}, {right.Code})",
        BinaryOp.Max => $"actgen_max({left.Code}, {right.Code})",
        BinaryOp.Min => $"actgen_min({left.Code}, {right.Code})",
        _ => $"({left.Code} {ScalarEmitter.Operator(op)} {right.Code})",
    };

    public string Compare(CompareOp op, Operand<string> left, Operand<string> right) =>
        Render.IsNanTest(op, left, right)
            ? $"isnan({left.Code})"
            : $"({left.Code} {ScalarEmitter.Operator(op)} {right.Code})";

    public string Logic(LogicOp op, Operand<string> left, Operand<string> right) =>
        $"({left.Code} {(op == LogicOp.And ? "&&" : "||")} {right.Code})";

    public string Not(Operand<string> operand) => $"(!{operand.Code})";

    public string Select(Operand<string> condition, Operand<string> then, Operand<string> otherwise) =>
        $"({condition.Code} ? {then.Code} : {otherwise.Code})";

    /// <summary>A call is computed in double, as the C# kernels call the callee's double methods, then rounded to T.</summary>
    public string Invoke(string target, IReadOnlyList<Operand<string>> arguments) =>
        $"T({function(target)}<double>({string.Join(", ", arguments.Select(a => $"double({a.Code})"))}))";
}
