using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;
using ActGen.Tests.Support;
using CsCheck;
using Xunit;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Tests.Calculus;

/// <summary>f′ written in the forward's output y: found where it exists, equal to f′(x) at y = f(x), absent otherwise.</summary>
public class OutputFormTests
{
    private static readonly ParameterModel[] NoParameters = [];

    private static (Expr Forward, Expr Derivative, Expr? InOutput) Lower(Expr body, IReadOnlyList<ParameterModel>? parameters = null)
    {
        var forward = Simplifier.Simplify(body);
        var derivative = Simplifier.Simplify(Differentiation.Differentiate(forward, "x"));
        return (forward, derivative, OutputForm.Derivative(forward, derivative, "x", parameters ?? NoParameters));
    }

    private static readonly Ref X = new("x"), A = new("a"), B = new("b"), Y = new(OutputForm.Output);

    [Theory]
    [InlineData(nameof(UnaryOp.Sigmoid))]
    [InlineData(nameof(UnaryOp.Tanh))]
    [InlineData(nameof(UnaryOp.Exp))]
    public void FunctionsWhoseDerivativeIsWrittenInThemselvesGetOne(string op)
    {
        var (_, derivative, inOutput) = Lower(Call(Enum.Parse<UnaryOp>(op), Add(Mul(A, X), B)));
        Assert.NotNull(inOutput);
        Assert.True(Traversal.Mentions(derivative, "x"));
        Assert.False(Traversal.Mentions(inOutput!, "x"));
        Assert.True(Traversal.Mentions(inOutput!, OutputForm.Output));
    }

    [Fact]
    public void SigmoidsDerivativeIsYTimesOneMinusY() =>
        Assert.Equal(Simplifier.Simplify(Mul(Y, Sub(One, Y))), Lower(Call(UnaryOp.Sigmoid, X)).InOutput);

    [Fact]
    public void TheOutputFormEqualsTheDerivativeAtTheForwardsValue()
    {
        UnaryOp[] ops = [UnaryOp.Sigmoid, UnaryOp.Tanh, UnaryOp.Exp];
        Gen.Select(Gen.Int[0, ops.Length - 1], Gen.Double[-3, 3], Gen.Double[-2, 2], Gen.Double[-2, 2]).Sample((k, x, a, b) =>
        {
            var (forward, derivative, inOutput) = Lower(Call(ops[k], Add(Mul(A, X), B)));
            var y = Evaluator.Eval(forward, x, ("a", a), ("b", b));
            var expected = Evaluator.Eval(derivative, x, ("a", a), ("b", b));
            var actual = Evaluator.Eval(inOutput!, double.NaN, ("a", a), ("b", b), (OutputForm.Output, y));
            return Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected));
        }, iter: 2000, print: c => $"{ops[c.Item1]} at x={c.Item2}, a={c.Item3}, b={c.Item4}");
    }

    [Fact]
    public void EluKeepsItsInputForm() =>
        Assert.Null(Lower(Select(Gt(X, Zero), X, Mul(A, Sub(Call(UnaryOp.Exp, X), One)))).InOutput);

    [Fact]
    public void SwishKeepsItsInputForm() => Assert.Null(Lower(Mul(X, Call(UnaryOp.Sigmoid, X))).InOutput);

    [Fact]
    public void ALearnableParameterKeepsTheInputForm()
    {
        // ∂f/∂a needs x, so backward has to save x anyway.
        var learnable = new ParameterModel("a", ParameterKind.Learnable, 1, 0, 0);
        Assert.Null(Lower(Call(UnaryOp.Sigmoid, Mul(A, X)), [learnable]).InOutput);
    }

    [Fact]
    public void AParameterNamedYStaysApartFromTheOutput()
    {
        var named = new ParameterModel("y", ParameterKind.Hyper, 1, 0, 0);
        var inOutput = Lower(Call(UnaryOp.Sigmoid, Mul(new Ref("y"), X)), [named]).InOutput;
        Assert.NotNull(inOutput);
        Assert.True(Traversal.Mentions(inOutput!, OutputForm.Output));
        Assert.True(Traversal.Mentions(inOutput!, "y"));
        Assert.NotEqual("y", OutputForm.Output);
    }

    [Fact]
    public void ADerivativeWithoutTheInputNeedsNoOutputForm() => Assert.Null(Lower(Mul(A, X)).InOutput);

    [Fact]
    public void TheCatalogReadsTheOutputForSigmoidAndTanhOnly() =>
        Assert.Equal(["Sigmoid", "Tanh"], ActivationRegistry.All
            .Where(d => d.Owner == "ActGen.Activations" && d.BackwardFromOutput)
            .Select(d => d.Name).Order(StringComparer.Ordinal));
}
