using System;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Ir;
using ActGen.Tests.Support;
using CsCheck;
using Xunit;

namespace ActGen.Generator.Tests.Calculus;

public class DifferentiationPropertyTests
{
    // Irrational offsets keep the points off the exact ties (x = 0, x = a) where a kink's derivative is a convention.
    private static readonly Gen<(Expr Expr, double X, double A)> Cases =
        Gen.Select(ExprGen.Smooth(4), Gen.Double[-3, 3].Select(x => x + 0.0123456789), Gen.Double[-2, 2].Select(a => a - 0.0271828183));

    /// <summary>
    /// Where an intermediate overflows (cosh of thousands) while the whole stays finite (x / ∞ = 0), the quotient
    /// rule meets ∞/∞; no symbolic rule keeps that finite, so the properties hold where every part is finite.
    /// </summary>
    private static bool EveryPartFinite(Expr e, double x, double a) =>
        Traversal.Nodes(e).Where(n => !Traversal.IsBoolean(n)).All(n => double.IsFinite(Evaluator.Eval(n, x, ("a", a))));

    [Fact]
    public void DerivativeMatchesCentralFiniteDifferences() =>
        Cases.Sample(c =>
        {
            var forward = Simplifier.Simplify(c.Expr);
            var derivative = Simplifier.Simplify(Differentiation.Differentiate(forward, "x"));
            Func<double, double> f = x => Evaluator.Eval(c.Expr, x, ("a", c.A));
            var fd = FiniteDifference.Trusted(f, c.X);
            var value = f(c.X);
            if (fd is null || !double.IsFinite(value) || Math.Abs(value) > 1e6 || !EveryPartFinite(c.Expr, c.X, c.A))
            {
                return true;
            }

            var exact = Evaluator.Eval(derivative, c.X, ("a", c.A));
            return Math.Abs(exact - fd.Value) <= 2e-4 * Math.Max(1, Math.Abs(fd.Value));
        }, iter: 3000, print: c => $"{c.Expr} at x={c.X}, a={c.A}");

    [Fact]
    public void ParameterDerivativeMatchesCentralFiniteDifferences() =>
        Cases.Sample(c =>
        {
            var derivative = Simplifier.Simplify(Differentiation.Differentiate(Simplifier.Simplify(c.Expr), "a"));
            Func<double, double> f = a => Evaluator.Eval(c.Expr, c.X, ("a", a));
            var fd = FiniteDifference.Trusted(f, c.A);
            if (fd is null || !double.IsFinite(f(c.A)) || Math.Abs(f(c.A)) > 1e6 || !EveryPartFinite(c.Expr, c.X, c.A))
            {
                return true;
            }

            var exact = Evaluator.Eval(derivative, c.X, ("a", c.A));
            return Math.Abs(exact - fd.Value) <= 2e-4 * Math.Max(1, Math.Abs(fd.Value));
        }, iter: 2000, print: c => $"{c.Expr} at x={c.X}, a={c.A}");

    [Fact]
    public void TheGeneratorCannotDifferentiateABoolean() =>
        Assert.Throws<InvalidOperationException>(() =>
            Differentiation.Differentiate(new Compare(CompareOp.Less, new Ref("x"), E.Zero), "x"));
}
