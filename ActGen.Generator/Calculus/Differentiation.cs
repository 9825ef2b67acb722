using System;
using System.Linq;
using ActGen.Generator.Ir;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>
/// Symbolic differentiation: one rule per primitive. The input must be let-free and call-free
/// (run <see cref="Substitution.InlineLets"/> and the activation inliner first); simplify the result.
/// At a kink the derivative follows the branch the expression takes, so <c>x &gt; 0 ? x : 0</c> has derivative 0 at 0;
/// at an equality guard it is the limit (<see cref="GuardLimits"/>).
/// </summary>
internal static class Differentiation
{
    /// <summary>∂e/∂wrt, each distinct subexpression differentiated once (a DAG stays one: see <see cref="Sharing"/>).</summary>
    public static Expr Differentiate(Expr e, string wrt) => Sharing.Memoised<Expr>((node, d) => Rule(node, wrt, d))(e);

    private static Expr Rule(Expr e, string wrt, Func<Expr, Expr> D) =>
        e switch
        {
            Num => Zero,
            Ref r => r.Name == wrt ? One : Zero,
            Unary u => Mul(UnaryRule(u.Op, u.Arg, u), D(u.Arg)),
            Binary { Op: BinaryOp.Add } b => Add(D(b.Left), D(b.Right)),
            Binary { Op: BinaryOp.Sub } b => Sub(D(b.Left), D(b.Right)),
            Binary { Op: BinaryOp.Mul } b => Add(Mul(D(b.Left), b.Right), Mul(b.Left, D(b.Right))),
            // (a/b)' = a'/b - (a/b)·b'/b keeps the quotient itself, which is finite wherever the function is.
            Binary { Op: BinaryOp.Div } b => Sub(Div(D(b.Left), b.Right), Mul(b, Div(D(b.Right), b.Right))),
            Binary { Op: BinaryOp.Pow } b => PowerRule(b, wrt, D),
            Binary { Op: BinaryOp.Max } b => Select(Gt(b.Left, b.Right), D(b.Left), D(b.Right)),
            Binary { Op: BinaryOp.Min } b => Select(Lt(b.Left, b.Right), D(b.Left), D(b.Right)),
            // At an equality guard on wrt (a removable singularity), the limit of the other branch's derivative.
            If i => GuardLimits.Differentiate(i, wrt, D),
            // A call differentiates through its input only: CallExpansion inlined every call whose other arguments vary.
            Apply a when !CallTargets.IsDerivative(a.Target) && a.Args.Skip(1).All(arg => !Traversal.Mentions(arg, wrt)) =>
                Mul(new Apply(CallTargets.Derivative(a.Target), a.Args), D(a.Args[0])),
            Let or Apply => throw new InvalidOperationException("Inline lets, and calls whose parameters vary, before differentiating."),
            _ => throw new InvalidOperationException($"{e.GetType().Name} is not a number and has no derivative."),
        };

    /// <summary>f'(u) for the unary primitive f: negation here, every function from its entry in the table.</summary>
    private static Expr UnaryRule(UnaryOp op, Expr u, Expr self) => op == UnaryOp.Neg ? N(-1) : Primitives.Of(op).Derivative(u, self);

    private static Expr PowerRule(Binary power, string wrt, Func<Expr, Expr> D)
    {
        var (a, b) = (power.Left, power.Right);
        var baseVaries = Traversal.Mentions(a, wrt);
        var exponentVaries = Traversal.Mentions(b, wrt);
        return (baseVaries, exponentVaries) switch
        {
            (false, false) => Zero,
            (true, false) => Mul(Mul(b, Pow(a, Sub(b, One))), D(a)),
            (false, true) => Mul(Mul(power, Call(UnaryOp.Log, a)), D(b)),
            _ => Mul(power, Add(Mul(D(b), Call(UnaryOp.Log, a)), Div(Mul(b, D(a)), a))),
        };
    }
}
