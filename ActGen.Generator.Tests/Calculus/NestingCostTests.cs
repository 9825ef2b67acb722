using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Emit;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;
using Xunit;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Tests.Calculus;

/// <summary>
/// Nesting a primitive whose derivative or stable form uses its argument more than once (tanh′ = 1 − tanh²) makes the
/// tree written out grow faster than the source (quadratically in the first derivative, cubically in the second), and
/// a local used twice per line makes it double. Lowering works on the DAG, so its work, counted as the distinct
/// subexpressions it builds and the locals the kernels get, grows linearly with depth. No stopwatch: the count is the work.
/// </summary>
public class NestingCostTests
{
    private static readonly Ref X = new("x");

    /// <summary>One level of each shape, given the level below.</summary>
    private static readonly Dictionary<string, Func<Expr, Expr>> Shapes = new()
    {
        ["tanh"] = u => Call(UnaryOp.Tanh, u),
        ["exp"] = u => Call(UnaryOp.Exp, u),
        ["sigmoid written with exp"] = u => Div(One, Add(One, Call(UnaryOp.Exp, Neg(u)))),
        ["atan"] = u => Call(UnaryOp.Atan, u),
        ["sqrt"] = u => Call(UnaryOp.Sqrt, u),
        ["log"] = u => Call(UnaryOp.Log, u),
        // The level below is one object used three times, as a local is once its let is inlined.
        ["leaky relu"] = u => Select(Gt(u, Zero), u, Mul(N(0.01), u)),
        ["tanh(u)·u"] = u => Mul(Call(UnaryOp.Tanh, u), u),
        ["log(1 + eᵘ) − u"] = u => Sub(Call(UnaryOp.Log, Add(One, Call(UnaryOp.Exp, u))), u),
    };

    public static TheoryData<string> ShapeNames() => [.. Shapes.Keys];

    /// <summary>The shape nested <paramref name="depth"/> times, each level a let over the one below, as users write it.</summary>
    private static Expr Nested(string shape, int depth) =>
        Enumerable.Range(0, depth).Reverse().Aggregate(
            (Expr)new Ref($"t{depth}"),
            (body, i) => new Let($"t{i + 1}", Shapes[shape](i == 0 ? X : new Ref($"t{i}")), body));

    /// <summary>The distinct subexpressions of every lowered body, and the locals their kernels bind.</summary>
    private static long Work(string shape, int depth)
    {
        var body = Nested(shape, depth);
        var lowered = Lowering.Lower(StabilityTests.Model(body), body);
        var bodies = new[] { lowered.Forward, lowered.Derivative, lowered.Backward }
            .Concat(lowered.SecondOrder.Select(d => d.Body))
            .ToList();
        return bodies.Sum(b => Sharing.FirstOccurrences(b).Count + (long)LetChain.Of(b).Locals.Count);
    }

    /// <summary>
    /// Linear growth doubles the increment when the depth step doubles, quadratic growth quadruples it (the tree
    /// written out grows eightfold for the second order). Nested exponentials are merged into one exponential of a sum
    /// (<see cref="ExponentialProducts"/>), and the second order needs that sum at every level: quadratic, and allowed.
    /// </summary>
    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void LoweringANestGrowsLinearlyWithItsDepth(string shape)
    {
        var (at10, at20, at40) = (Work(shape, 10), Work(shape, 20), Work(shape, 40));
        var allowed = shape == "exp" ? 4.5 : 2.5;
        Assert.True(at20 > at10, $"{shape}: {at10}, {at20}, {at40}");
        Assert.True(at40 - at20 <= allowed * (at20 - at10), $"{shape}: work {at10}, {at20}, {at40} at depths 10, 20, 40");
    }

    [Fact]
    public void CseOfADagWhoseTreeHasTwoToTheSixtyNodesBindsTwoLocalsPerLevel()
    {
        // uₖ₊₁ = tanh(uₖ)·uₖ: each uₖ below the top is used twice, and so is each tanh(uₖ) inside one.
        var dag = Enumerable.Range(0, 60).Aggregate((Expr)X, (u, _) => Mul(Call(UnaryOp.Tanh, u), u));
        var chain = LetChain.Of(dag);
        Assert.Equal(2 * 59, chain.Locals.Count);
        Assert.Equal(int.MaxValue, Traversal.Size(dag));
    }
}
