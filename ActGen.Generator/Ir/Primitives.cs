using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Emit;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Ir;

/// <summary>The table of elementary functions (negation is an operator and lives in the renderers).</summary>
internal static class Primitives
{
    private const string MathX = "global::ActGen.MathX";
    private const string Vec = "global::System.Numerics.Vector";

    private static string Math(NumericType t) => t.MathClass;

    private static Func<NumericType, string> FromMath(string name) => t => $"{Math(t)}.{name}";

    private static Func<NumericType, string> FromMathX(string name) => _ => $"{MathX}.{name}";

    private static Func<NumericType, string, string> VectorCall(string function) => (_, a) => $"{function}({a})";

    private static Func<string, string> Torch(string name) => a => $"torch.{name}({a})";

    private static double? At(double a, double point, double value) => a == point ? value : null;

    /// <summary>
    /// MathX.Sign in ops NNC fuses (it has no <c>sign</c>): ±1, else a · 0, which is ±0 for ±0 and NaN for NaN as on CPU,
    /// with derivative 0 everywhere, as <c>torch.sign</c>'s.
    /// </summary>
    private static string TorchSign(string a) => $"torch.where(({a} > 0.0), 1.0, torch.where(({a} < 0.0), -1.0, ({a} * 0.0)))";

    /// <summary>Zero almost everywhere (step functions), as PyTorch's backward has it.</summary>
    private static Expr Flat(Expr u, Expr self) => Zero;

    public static readonly IReadOnlyList<Primitive> All =
    [
        new(UnaryOp.Exp, "Exp", null, (u, self) => self, a => System.Math.Exp(a),
            FromMath("Exp"), VectorCall($"{MathX}.Exp"), Torch("exp"), "exp"),
        new(UnaryOp.Log, "Log", null, (u, _) => Div(One, u), a => System.Math.Log(a),
            FromMath("Log"), VectorCall($"{Vec}.Log"), Torch("log"), "log"),
        new(UnaryOp.Log10, "Log10", null, (u, _) => Div(N(1 / System.Math.Log(10)), u), a => System.Math.Log10(a),
            FromMath("Log10"), (t, a) => $"{Vec}.Log({a}) * new {t.VectorType}({t.Literal(1 / System.Math.Log(10))})",
            Torch("log10"), "log10"),
        new(UnaryOp.Sqrt, "Sqrt", null, (_, self) => Div(N(0.5), self), a => System.Math.Sqrt(a),
            FromMath("Sqrt"), VectorCall($"{Vec}.SquareRoot"), Torch("sqrt"), "sqrt"),
        new(UnaryOp.Cbrt, "Cbrt", null, (_, self) => Div(One, Mul(N(3), Mul(self, self))), a => At(a, 0, 0),
            FromMath("Cbrt"), null, a => $"({TorchSign(a)} * (torch.abs({a}) ** (1.0 / 3.0)))", "cbrt"),
        new(UnaryOp.Abs, "Abs", null, (u, _) => Call(UnaryOp.Sign, u), a => System.Math.Abs(a),
            FromMath("Abs"), VectorCall($"{Vec}.Abs"), Torch("abs"), "fabs"),
        new(UnaryOp.Sign, "Sign", "Sign", Flat, a => double.IsNaN(a) ? null : System.Math.Sign(a),
            FromMathX("Sign"), VectorCall($"{MathX}.Sign"), TorchSign, "actgen_sign"),
        new(UnaryOp.Tanh, "Tanh", null, (_, self) => Sub(One, Mul(self, self)), a => System.Math.Tanh(a),
            FromMath("Tanh"), VectorCall($"{MathX}.Tanh"), Torch("tanh"), "tanh"),
        new(UnaryOp.Sinh, "Sinh", null, (u, _) => Call(UnaryOp.Cosh, u), a => System.Math.Sinh(a),
            FromMath("Sinh"), null, Torch("sinh"), "sinh"),
        new(UnaryOp.Cosh, "Cosh", null, (u, _) => Call(UnaryOp.Sinh, u), a => System.Math.Cosh(a),
            FromMath("Cosh"), null, Torch("cosh"), "cosh"),
        new(UnaryOp.Sin, "Sin", null, (u, _) => Call(UnaryOp.Cos, u), a => System.Math.Sin(a),
            FromMath("Sin"), null, Torch("sin"), "sin"),
        new(UnaryOp.Cos, "Cos", null, (u, _) => Neg(Call(UnaryOp.Sin, u)), a => System.Math.Cos(a),
            FromMath("Cos"), null, Torch("cos"), "cos"),
        new(UnaryOp.Tan, "Tan", null, (_, self) => Add(One, Mul(self, self)), a => System.Math.Tan(a),
            FromMath("Tan"), null, Torch("tan"), "tan"),
        new(UnaryOp.Atan, "Atan", null, (u, _) => Div(One, Add(One, Mul(u, u))), a => System.Math.Atan(a),
            FromMath("Atan"), null, Torch("atan"), "atan"),
        new(UnaryOp.Asinh, "Asinh", null, (u, _) => Div(One, Call(UnaryOp.Sqrt, Add(Mul(u, u), One))), a => At(a, 0, 0),
            FromMath("Asinh"), null, Torch("asinh"), "asinh"),
        new(UnaryOp.Acosh, "Acosh", null, (u, _) => Div(One, Mul(Call(UnaryOp.Sqrt, Sub(u, One)), Call(UnaryOp.Sqrt, Add(u, One)))),
            a => At(a, 1, 0), FromMath("Acosh"), null, Torch("acosh"), "acosh"),
        new(UnaryOp.Atanh, "Atanh", null, (u, _) => Div(One, Sub(One, Mul(u, u))), a => At(a, 0, 0),
            FromMath("Atanh"), null, Torch("atanh"), "atanh"),
        new(UnaryOp.Floor, "Floor", null, Flat, a => System.Math.Floor(a),
            FromMath("Floor"), VectorCall($"{Vec}.Floor"), Torch("floor"), "floor"),
        new(UnaryOp.Ceiling, "Ceiling", null, Flat, a => System.Math.Ceiling(a),
            FromMath("Ceiling"), VectorCall($"{Vec}.Ceiling"), Torch("ceil"), "ceil"),
        // Math.Round, torch.round and rint round half to even.
        new(UnaryOp.Round, "Round", null, Flat, a => System.Math.Round(a),
            FromMath("Round"), VectorCall($"{Vec}.Round"), Torch("round"), "rint"),
        new(UnaryOp.Truncate, "Truncate", null, Flat, a => System.Math.Truncate(a),
            FromMath("Truncate"), VectorCall($"{Vec}.Truncate"), Torch("trunc"), "trunc"),
        new(UnaryOp.Erf, null, "Erf", (u, _) => Mul(N(2 / System.Math.Sqrt(System.Math.PI)), Call(UnaryOp.Exp, Neg(Mul(u, u)))),
            a => At(a, 0, 0), FromMathX("Erf"), VectorCall($"{MathX}.Erf"), Torch("erf"), "erf"),
        new(UnaryOp.Log1p, null, "Log1p", (u, _) => Div(One, Add(One, u)), a => At(a, 0, 0),
            FromMathX("Log1p"), VectorCall($"{MathX}.Log1p"), Torch("log1p"), "log1p"),
        new(UnaryOp.Expm1, null, "Expm1", (u, _) => Call(UnaryOp.Exp, u), a => At(a, 0, 0),
            FromMathX("Expm1"), VectorCall($"{MathX}.Expm1"), Torch("expm1"), "expm1"),
        new(UnaryOp.Sigmoid, null, "Sigmoid", (_, self) => Mul(self, Sub(One, self)), a => At(a, 0, 0.5),
            FromMathX("Sigmoid"), VectorCall($"{MathX}.Sigmoid"), Torch("sigmoid"), "actgen_sigmoid"),
        // softplus(u) = max(u, 0) + log1p(exp(−|u|)) in TorchScript: stable, element-wise, fusable (no logaddexp).
        new(UnaryOp.Softplus, null, "Softplus", (u, _) => Call(UnaryOp.Sigmoid, u), a => null,
            FromMathX("Softplus"), VectorCall($"{MathX}.Softplus"),
            a => $"(torch.clamp({a}, min=0.0) + torch.log1p(torch.exp(-torch.abs({a}))))", "actgen_softplus"),
    ];

    private static readonly Dictionary<UnaryOp, Primitive> ByOp = All.ToDictionary(p => p.Op);

    public static Primitive Of(UnaryOp op) =>
        ByOp.TryGetValue(op, out var p) ? p : throw new InvalidOperationException($"{op} has no entry in the table of primitives.");

    public static readonly IReadOnlyDictionary<string, UnaryOp> ByMathName =
        All.Where(p => p.MathName is not null).ToDictionary(p => p.MathName!, p => p.Op);

    public static readonly IReadOnlyDictionary<string, UnaryOp> ByMathXName =
        All.Where(p => p.MathXName is not null).ToDictionary(p => p.MathXName!, p => p.Op);

    /// <summary>How users write every function ActGen knows, for messages and README.</summary>
    public static string Spellings => string.Join(", ", All.Select(p => p.Spelling));
}
