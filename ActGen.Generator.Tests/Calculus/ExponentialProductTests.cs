using System;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Ir;
using ActGen.Tests.Support;
using CsCheck;
using Xunit;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Tests.Calculus;

/// <summary>
/// Derivatives finite wherever the function is, where a vanishing factor meets an overflowing one: g(x)·h(w) with
/// w = e^(a·x + b) and h ∈ {tanh, σ, softplus(−·), exp(−·)}, whose derivatives hold h′(w)·a·w, a 0·∞ for large x
/// (x·tanh(eˣ) at x = 800 gave NaN). The reference is written by hand from ln w = a·x + b, exactly:
/// sech²(w)·w = 4·e^(s − 2w)/(1 + e^−2w)², σ′(w)·w = e^(s − w)/(1 + e^−w)², σ(−w)·w = e^(s − w)/(1 + e^−w), e^−w·w = e^(s − w).
/// </summary>
public class ExponentialProductTests
{
    private static readonly Ref X = new("x");

    internal enum Outer { Tanh, Sigmoid, NaiveSigmoid, SoftplusOfMinus, ExpOfMinus }

    internal sealed record Case(Outer Outer, double A, double B, bool TimesX)
    {
        public Expr Body
        {
            get
            {
                var w = Call(UnaryOp.Exp, Add(Mul(N(A), X), N(B)));
                Expr h = Outer switch
                {
                    Outer.Tanh => Call(UnaryOp.Tanh, w),
                    Outer.Sigmoid => Call(UnaryOp.Sigmoid, w),
                    Outer.NaiveSigmoid => Div(One, Add(One, Call(UnaryOp.Exp, Neg(w)))),
                    Outer.SoftplusOfMinus => Call(UnaryOp.Softplus, Neg(w)),
                    _ => Call(UnaryOp.Exp, Neg(w)),
                };
                return TimesX ? Mul(X, h) : h;
            }
        }

        /// <summary>f′(x) in double, from the hand-written forms above.</summary>
        public double Derivative(double x)
        {
            var s = A * x + B;
            var w = Math.Exp(s);
            var (h, hPrimeTimesW) = Outer switch
            {
                Outer.Tanh => (Math.Tanh(w), 4 * Math.Exp(s - 2 * w) / Square(1 + Math.Exp(-2 * w))),
                Outer.Sigmoid or Outer.NaiveSigmoid => (1 / (1 + Math.Exp(-w)), Math.Exp(s - w) / Square(1 + Math.Exp(-w))),
                Outer.SoftplusOfMinus => (Reference.Log1p(Math.Exp(-w)), -Math.Exp(s - w) / (1 + Math.Exp(-w))),
                _ => (Math.Exp(-w), -Math.Exp(s - w)),
            };
            return TimesX ? h + x * A * hPrimeTimesW : A * hPrimeTimesW;
        }

        /// <summary>
        /// The size of f′'s terms, |h| + |x·a·h′(w)·w| (or the second alone): where they cancel (f′ = 0 near a stationary
        /// point) any double evaluation is off by rounding of this size, not of f′'s.
        /// </summary>
        public double Scale(double x)
        {
            var single = new Case(Outer, A, B, TimesX: false).Derivative(x);
            return TimesX ? Math.Abs(Derivative(x) - x * single) + Math.Abs(x * single) : Math.Abs(single);
        }

        private static double Square(double v) => v * v;
    }

    private static readonly Gen<Case> Cases = Gen.Select(
        Gen.Enum<Outer>(),
        Gen.Double[0.25, 3].Select(a => Math.Round(a, 3)),
        Gen.Bool,
        Gen.Double[-2, 2].Select(b => Math.Round(b, 3)),
        Gen.Bool,
        (outer, a, negative, b, timesX) => new Case(outer, negative ? -a : a, b, timesX));

    /// <summary>|x| ≤ 1e4, dense where w moves from 1 to overflow (a·x + b from −5 to 800).</summary>
    private static double[] Points(Case c) =>
        Enumerable.Range(-200, 401).Select(i => i * 50.0)
            .Concat(Enumerable.Range(-100, 1000).Select(i => (i * 0.81 - c.B) / c.A))
            .Concat([800, -800, 89, -89, 710, -710])
            .Where(x => Math.Abs(x) <= 1e4)
            .ToArray();

    private static bool Close(double expected, double actual, double relative, double absolute) =>
        Math.Abs(expected - actual) <= relative * Math.Abs(expected) + absolute;

    /// <summary>Within <paramref name="relative"/> of f′'s terms' size (<see cref="Case.Scale"/>), which is f′'s own but where they cancel.</summary>
    private static bool CloseToTerms(Case c, double x, double expected, double actual, double relative) =>
        Math.Abs(expected - actual) <= relative * Math.Max(Math.Abs(expected), c.Scale(x)) + 1e-300;

    [Fact]
    public void TheDerivativeOfXTimesTanhOfExpIsFiniteAt800()
    {
        var f = Mul(X, Call(UnaryOp.Tanh, Call(UnaryOp.Exp, X)));
        var derivative = Lowering.Lower(StabilityTests.Model(f), f).Derivative;
        Assert.Equal(1.0, Evaluator.Eval(derivative, 800));
        Assert.Equal(new Case(Outer.Tanh, 1, 0, true).Derivative(2.5), Evaluator.Eval(derivative, 2.5), 12);
    }

    [Fact]
    public void DoubleDerivativesOfTheFamilyAreFiniteAndEqualTheReference() =>
        Cases.Sample(c =>
        {
            var derivative = Lowering.Lower(StabilityTests.Model(c.Body), c.Body).Derivative;
            foreach (var x in Points(c))
            {
                var expected = c.Derivative(x);
                var actual = Evaluator.Eval(derivative, x);
                Assert.True(double.IsFinite(expected), $"reference at {x}");
                Assert.True(CloseToTerms(c, x, expected, actual, 1e-11), $"f′({x}) = {actual}, reference {expected}: {c}");
            }
        }, iter: 200, print: c => c.ToString());

    [Fact]
    public void FloatKernelsOfTheFamilyGiveFiniteDerivativesNearTheReference()
    {
        var cases = Cases.Array[24].Single(_ => true, seed: "0ExpProduct1");
        var definitions = CompiledBodies.Compile("ExpProducts", cases.Select(c => c.Body).ToArray());
        for (var i = 0; i < cases.Length; i++)
        {
            var points = Points(cases[i]).Select(x => (float)x).ToArray();
            var gradients = CompiledBodies.DerivativeSingle(definitions[i], points);
            for (var k = 0; k < points.Length; k++)
            {
                var expected = cases[i].Derivative(points[k]);
                Assert.True(float.IsFinite(gradients[k]), $"F{i}′({points[k]}) = {gradients[k]} in float: {cases[i]}");
                // float's inner a·x + b and w round at 6e-8 relative; the exponent s − 2w amplifies that by up to ~2w·s.
                Assert.True(
                    Close(expected, gradients[k], 2e-3, 1e-30),
                    $"F{i}′({points[k]}) = {gradients[k]}, reference {expected}: {cases[i]}");
            }
        }
    }

    [Fact]
    public void DoubleKernelsOfTheFamilyEqualTheReference()
    {
        var cases = Cases.Array[24].Single(_ => true, seed: "0ExpProduct2");
        var definitions = CompiledBodies.Compile("ExpProductsDouble", cases.Select(c => c.Body).ToArray());
        for (var i = 0; i < cases.Length; i++)
        {
            var points = Points(cases[i]);
            var gradients = CompiledBodies.DerivativeDouble(definitions[i], points);
            for (var k = 0; k < points.Length; k++)
            {
                var expected = cases[i].Derivative(points[k]);
                Assert.True(
                    CloseToTerms(cases[i], points[k], expected, gradients[k], 1e-11),
                    $"F{i}′({points[k]}) = {gradients[k]}, reference {expected}: {cases[i]}");
            }
        }
    }
}
