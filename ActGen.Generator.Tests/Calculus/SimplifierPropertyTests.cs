using System;
using ActGen.Generator.Calculus;
using ActGen.Generator.Ir;
using ActGen.Tests.Support;
using CsCheck;
using Xunit;

namespace ActGen.Generator.Tests.Calculus;

public class SimplifierPropertyTests
{
    private static bool Close(double expected, double actual) =>
        expected.Equals(actual) || Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected));

    [Fact]
    public void SimplifyPreservesValuesWhereTheExpressionIsFinite() =>
        Gen.Select(ExprGen.Smooth(5), Gen.Double[-4, 4], Gen.Double[-2, 2]).Sample((e, x, a) =>
        {
            var before = Evaluator.Eval(e, x, ("a", a));
            return !double.IsFinite(before)
                || Math.Abs(before) > 1e12
                || Close(before, Evaluator.Eval(Simplifier.Simplify(e), x, ("a", a)));
        }, iter: 3000, print: t => t.ToString());

    [Fact]
    public void SimplifyReachesAFixedPoint() =>
        ExprGen.Smooth(5).Sample(e =>
        {
            var once = Simplifier.Simplify(e);
            return Simplifier.Simplify(once).Equals(once);
        }, iter: 1000);

    [Fact]
    public void CommonSubexpressionEliminationPreservesValues() =>
        Gen.Select(ExprGen.Smooth(5), Gen.Double[-4, 4]).Sample((e, x) =>
        {
            var derivative = Simplifier.Simplify(Differentiation.Differentiate(Simplifier.Simplify(e), "x"));
            var shared = CommonSubexpressions.Eliminate(derivative);
            var before = Evaluator.Eval(derivative, x, ("a", 0.7));
            return !double.IsFinite(before) || Close(before, Evaluator.Eval(shared, x, ("a", 0.7)));
        }, iter: 1000);

    [Fact]
    public void CommonSubexpressionEliminationComputesEachRepeatOnce()
    {
        var exp = E.Call(UnaryOp.Exp, new Ref("x"));
        var e = E.Div(E.Add(E.One, exp), E.Mul(exp, E.Add(E.One, exp)));
        var shared = CommonSubexpressions.Eliminate(e);
        var (t0, t1) = (ActGen.Generator.Naming.Namer.InternalName("t0"), ActGen.Generator.Naming.Namer.InternalName("t1"));
        var expected = new Let(t0, exp, new Let(t1, E.Add(E.One, new Ref(t0)), E.Div(new Ref(t1), E.Mul(new Ref(t0), new Ref(t1)))));
        Assert.Equal(expected, shared);
    }

    [Fact]
    public void CommonSubexpressionLocalsAreInternalNamesThatNoUserNameEquals()
    {
        var exp = E.Call(UnaryOp.Exp, new Ref("t0"));
        var shared = (Let)CommonSubexpressions.Eliminate(E.Mul(exp, exp));
        Assert.Equal("$t0", shared.Name);
        Assert.Equal(new Ref("t0"), ((Unary)shared.Value).Arg);
        Assert.Equal("t0_", new ActGen.Generator.Naming.Namer(System.Collections.Immutable.ImmutableHashSet.Create("t0")).Ir(shared.Name));
    }
}
