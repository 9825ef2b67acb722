using System;
using System.Collections.Immutable;
using ActGen.Generator.Calculus;
using ActGen.Generator.Ir;
using ActGen.Tests.Support;
using Xunit;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Tests.Calculus;

/// <summary>Derivatives stay finite wherever the function is, and follow the branch taken at a kink.</summary>
public class StabilityTests
{
    private static readonly Ref X = new("x");

    private static double Derivative(Expr f, double x) =>
        Evaluator.Eval(Lowering.Lower(Model(f), f).Derivative, x);

    internal static global::ActGen.Generator.Model.ActivationModel Model(Expr body) =>
        new("k", "F", new("", "C", "public", "public"), "x", EquatableArray<global::ActGen.Generator.Model.ParameterModel>.Empty, body);

    [Theory]
    [InlineData(-800)]
    [InlineData(-40)]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(800)]
    public void SigmoidWrittenWithExpHasAFiniteDerivative(double x)
    {
        var sigmoid = Div(One, Add(One, Call(UnaryOp.Exp, Neg(X))));
        var s = 1 / (1 + Math.Exp(-x));
        Assert.Equal(s * (1 - s), Derivative(sigmoid, x), 15);
    }

    [Theory]
    [InlineData(-800)]
    [InlineData(-3)]
    [InlineData(3)]
    [InlineData(800)]
    public void SoftplusAndLogSigmoidWrittenNaivelyHaveFiniteValuesAndDerivatives(double x)
    {
        var softplus = Call(UnaryOp.Log, Add(One, Call(UnaryOp.Exp, X)));
        var logSigmoid = Call(UnaryOp.Log, Div(One, Add(One, Call(UnaryOp.Exp, Neg(X)))));
        var sigmoid = x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
        var lowered = Lowering.Lower(Model(softplus), softplus);
        Assert.True(double.IsFinite(Evaluator.Eval(lowered.Forward, x)));
        Assert.Equal(sigmoid, Derivative(softplus, x), 14);
        Assert.Equal(1 - sigmoid, Derivative(logSigmoid, x), 14);
        Assert.True(double.IsFinite(Evaluator.Eval(Lowering.Lower(Model(logSigmoid), logSigmoid).Forward, x)));
    }

    [Fact]
    public void ReluDerivativeAtZeroFollowsTheBranchTaken()
    {
        var relu = new If(new Compare(CompareOp.Greater, X, Zero), X, Zero);
        Assert.Equal(0, Derivative(relu, 0));
        Assert.Equal(1, Derivative(relu, 1e-300));
        var leaky = new If(new Compare(CompareOp.Greater, X, Zero), X, Mul(N(0.01), X));
        Assert.Equal(0.01, Derivative(leaky, 0));
    }

    [Fact]
    public void ClampHasZeroDerivativeAtItsBoundsLikeHardTanh()
    {
        var clamp = new Binary(BinaryOp.Min, new Binary(BinaryOp.Max, X, N(-1)), One);
        Assert.Equal(0, Derivative(clamp, -1));
        Assert.Equal(0, Derivative(clamp, 1));
        Assert.Equal(1, Derivative(clamp, 0.5));
    }

    [Fact]
    public void LetsAreInlinedBeforeDifferentiation()
    {
        var body = new Let("s", Call(UnaryOp.Sigmoid, X), Mul(X, new Ref("s")));
        var s = 1 / (1 + Math.Exp(-1.5));
        Assert.Equal(s + 1.5 * s * (1 - s), Derivative(body, 1.5), 14);
        Assert.DoesNotContain(Traversal.Nodes(Lowering.Lower(Model(body), body).Forward), n => n is Let);
        _ = ImmutableDictionary<string, double>.Empty;
    }
}
