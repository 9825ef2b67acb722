using System;
using System.Collections.Immutable;
using ActGen.Generator.Ir;

namespace ActGen.Tests.Support;

/// <summary>A direct interpreter of the IR in double precision: the reference the calculus is tested against.</summary>
internal static class Evaluator
{
    public static double Eval(Expr e, ImmutableDictionary<string, double> env) => e switch
    {
        Num n => n.Value,
        Ref r => env[r.Name],
        Unary u => Apply(u.Op, Eval(u.Arg, env)),
        Binary b => Apply(b.Op, Eval(b.Left, env), Eval(b.Right, env)),
        If i => Truth(i.Condition, env) ? Eval(i.Then, env) : Eval(i.Else, env),
        Let l => Eval(l.Body, env.SetItem(l.Name, Eval(l.Value, env))),
        _ => throw new ArgumentException($"{e.GetType().Name} is not a number"),
    };

    public static double Eval(Expr e, double x, params (string Name, double Value)[] parameters)
    {
        var env = ImmutableDictionary<string, double>.Empty.Add("x", x);
        foreach (var (name, value) in parameters)
        {
            env = env.SetItem(name, value);
        }

        return Eval(e, env);
    }

    public static bool Truth(Expr e, ImmutableDictionary<string, double> env) => e switch
    {
        Compare c => Compare(c.Op, Eval(c.Left, env), Eval(c.Right, env)),
        Logic { Op: LogicOp.And } l => Truth(l.Left, env) && Truth(l.Right, env),
        Logic l => Truth(l.Left, env) || Truth(l.Right, env),
        Not n => !Truth(n.Operand, env),
        _ => throw new ArgumentException($"{e.GetType().Name} is not a boolean"),
    };

    private static bool Compare(CompareOp op, double a, double b) => op switch
    {
        CompareOp.Less => a < b,
        CompareOp.LessOrEqual => a <= b,
        CompareOp.Greater => a > b,
        CompareOp.GreaterOrEqual => a >= b,
        CompareOp.Equal => a == b,
        _ => a != b,
    };

    private static double Apply(UnaryOp op, double a) => op switch
    {
        UnaryOp.Neg => -a,
        UnaryOp.Exp => Math.Exp(a),
        UnaryOp.Log => Math.Log(a),
        UnaryOp.Log10 => Math.Log10(a),
        UnaryOp.Sqrt => Math.Sqrt(a),
        UnaryOp.Abs => Math.Abs(a),
        UnaryOp.Sign => double.IsNaN(a) ? double.NaN : Math.Sign(a),
        UnaryOp.Tanh => Math.Tanh(a),
        UnaryOp.Sinh => Math.Sinh(a),
        UnaryOp.Cosh => Math.Cosh(a),
        UnaryOp.Sin => Math.Sin(a),
        UnaryOp.Cos => Math.Cos(a),
        UnaryOp.Tan => Math.Tan(a),
        UnaryOp.Atan => Math.Atan(a),
        UnaryOp.Asinh => Math.Asinh(a),
        UnaryOp.Acosh => Math.Acosh(a),
        UnaryOp.Atanh => Math.Atanh(a),
        UnaryOp.Cbrt => Math.Cbrt(a),
        UnaryOp.Floor => Math.Floor(a),
        UnaryOp.Ceiling => Math.Ceiling(a),
        UnaryOp.Round => Math.Round(a),
        UnaryOp.Truncate => Math.Truncate(a),
        UnaryOp.Erf => MathNet.Numerics.SpecialFunctions.Erf(a),
        UnaryOp.Log1p => Reference.Log1p(a),
        UnaryOp.Expm1 => Reference.Expm1(a),
        UnaryOp.Sigmoid => Reference.Sigmoid(a),
        UnaryOp.Softplus => Reference.Softplus(a),
        _ => throw new ArgumentException($"no evaluation for {op}"),
    };

    private static double Apply(BinaryOp op, double a, double b) => op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Sub => a - b,
        BinaryOp.Mul => a * b,
        BinaryOp.Div => a / b,
        BinaryOp.Pow => Math.Pow(a, b),
        BinaryOp.Max => Math.Max(a, b),
        _ => Math.Min(a, b),
    };
}
