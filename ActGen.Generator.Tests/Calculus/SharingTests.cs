using ActGen.Generator.Calculus;
using ActGen.Generator.Ir;
using Xunit;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Tests.Calculus;

public class SharingTests
{
    private static readonly Ref X = new("x");

    /// <summary>Equal subexpressions become one object; 0 and −0 are not equal there (1/−0 is −∞), though records say they are.</summary>
    [Fact]
    public void EqualSubexpressionsBecomeOneObjectButZeroAndNegativeZeroStayTwo()
    {
        var e = Select(Gt(X, N(0.0)), Mul(X, Call(UnaryOp.Exp, X)), Add(N(-0.0), Call(UnaryOp.Exp, X)));

        var shared = (If)Sharing.Canonical(e);

        var (then, otherwise) = ((Binary)shared.Then, (Binary)shared.Else);
        Assert.Same(then.Right, otherwise.Right);
        Assert.Same(((Compare)shared.Condition).Left, then.Left);
        Assert.True(double.IsNegative(((Num)otherwise.Left).Value), "−0 became 0");
        Assert.False(double.IsNegative(((Num)((Compare)shared.Condition).Right).Value), "0 became −0");
    }

    [Fact]
    public void SimplifyingKeepsANegativeZeroBesideAZero()
    {
        var e = Select(Gt(X, N(0.0)), X, N(-0.0));

        var simplified = Simplifier.Simplify(e);

        var select = Assert.IsType<If>(simplified);
        Assert.True(double.IsNegative(Assert.IsType<Num>(select.Else).Value), $"−0 became 0: {simplified}");
    }
}
