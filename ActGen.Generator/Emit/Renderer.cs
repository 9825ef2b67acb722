using System;
using System.Linq;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Emit;

/// <summary>A child already rendered, with its IR node (renderers read its precedence or its kind from it).</summary>
internal readonly record struct Operand<T>(Expr Node, T Code);

/// <summary>
/// A back end: how each kind of IR node is spelled, given its rendered children. Every back end (scalar C#, vector C#,
/// TorchScript, and the next one) implements this and nothing else; <see cref="Render.Expression"/> is the one walk
/// over the IR, and each function's spelling comes from its <see cref="Primitive"/>.
/// </summary>
internal interface IRenderer<T>
{
    T Number(double value);

    T Name(string name);

    T Negate(Operand<T> operand);

    T Call(Primitive primitive, Operand<T> argument);

    /// <summary>+ − × ÷, power, max, min.</summary>
    T Arithmetic(BinaryOp op, Operand<T> left, Operand<T> right);

    T Compare(CompareOp op, Operand<T> left, Operand<T> right);

    T Logic(LogicOp op, Operand<T> left, Operand<T> right);

    T Not(Operand<T> operand);

    T Select(Operand<T> condition, Operand<T> then, Operand<T> otherwise);

    /// <summary>A call of another activation (or of its derivative, see <see cref="CallTargets"/>).</summary>
    T Invoke(string target, System.Collections.Generic.IReadOnlyList<Operand<T>> arguments);
}

internal static class Render
{
    /// <summary>Renders a let-free, call-free expression bottom-up.</summary>
    public static T Expression<T>(Expr e, IRenderer<T> r)
    {
        Operand<T> O(Expr child) => new(child, Expression(child, r));

        return e switch
        {
            Num n => r.Number(n.Value),
            Ref n => r.Name(n.Name),
            Unary { Op: UnaryOp.Neg } u => r.Negate(O(u.Arg)),
            Unary u => r.Call(Primitives.Of(u.Op), O(u.Arg)),
            Binary b => r.Arithmetic(b.Op, O(b.Left), O(b.Right)),
            Compare c => r.Compare(c.Op, O(c.Left), O(c.Right)),
            Logic l => r.Logic(l.Op, O(l.Left), O(l.Right)),
            Not n => r.Not(O(n.Operand)),
            If i => r.Select(O(i.Condition), O(i.Then), O(i.Else)),
            Apply a => r.Invoke(a.Target, a.Args.Select(O).ToList()),
            _ => throw new InvalidOperationException($"{e.GetType().Name} cannot be rendered: inline lets first."),
        };
    }

    /// <summary><c>x != x</c>: the NaN test NanPropagation writes, which C-like back ends spell as a function.</summary>
    public static bool IsNanTest<T>(CompareOp op, Operand<T> left, Operand<T> right) =>
        op == CompareOp.NotEqual && left.Node.Equals(right.Node);

    /// <summary>Whether every function in <paramref name="e"/> has a vector form (else kernels use the scalar loop only).</summary>
    public static bool HasVectorForm(Expr e) => Calculus.Traversal.Nodes(e).All(n => n switch
    {
        Unary { Op: not UnaryOp.Neg } u => Primitives.Of(u.Op).Vector is not null,
        Binary b => b.Op != BinaryOp.Pow,
        Apply => false,
        _ => true,
    });
}
