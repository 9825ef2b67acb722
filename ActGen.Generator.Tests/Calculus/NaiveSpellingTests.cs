using System;
using System.Linq;
using ActGen.Generator.Ir;
using ActGen.Tests.Support;
using CsCheck;
using Xunit;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Tests.Calculus;

/// <summary>
/// Naive spellings (σ as eᵘ/(1+eᵘ), tanh(u/2) as (1−e⁻ᵘ)/(1+e⁻ᵘ), softplus forms ln(a + b·eᵘ), ln(1+u), eᵘ−1) are
/// rescued: the generated kernels stay finite in float over |x| ≤ 1e4 wherever the exact value is, and equal the exact
/// value (and the naive form where that is finite). "Exact" is each shape's hand-written stable form in double
/// (<see cref="NaiveShape"/>), composed as the expression is, with the value of each part rounded to float before the
/// next takes it, and finite for inner arguments a few ulp either side: no float kernel does better than exact arithmetic
/// on float inputs, and a part may err by an ulp (ln(1 + u) at u = tanh(−8.5), 6e-8 above −1, is −∞ if tanh rounds to −1).
/// </summary>
public class NaiveSpellingTests
{
    private static readonly Ref X = new("x");
    private const double FloatLimit = float.MaxValue / 16.0;

    /// <summary>A random expression and its exact value at x, null where some part of it is not finite in float.</summary>
    internal sealed record Node(Expr Naive, Func<double, double?> Exact, string Text)
    {
        public override string ToString() => Text;
    }

    private static readonly Gen<(double C, double D)> Affine =
        Gen.Select(Gen.Double[-3, 3], Gen.Double[-2, 2], (c, d) => (Math.Round(c, 2) is var r && r == 0 ? 1 : r, Math.Round(d, 2)));

    private static readonly Gen<NaiveShape> Shapes = Gen.Select(Gen.Double[0.1, 5], Gen.Double[0.1, 5], Gen.Int[0, 8],
        (a, b, i) => NaiveShape.All(Math.Round(a, 2), Math.Round(b, 2))[i]);

    /// <summary>Four float ulp either side of an inner argument.</summary>
    private static readonly double[] Perturbations = [1 - 4 * Math.Pow(2, -24), 1 + 4 * Math.Pow(2, -24)];

    private static double? InFloat(double v) => double.IsFinite(v) && Math.Abs(v) <= FloatLimit ? (float)v : null;

    private static Node Shape(NaiveShape shape, (double C, double D) affine, Node inner)
    {
        var u = Add(Mul(N(affine.C), inner.Naive), N(affine.D));
        double? Exact(double x) =>
            inner.Exact(x) is { } v && InFloat(affine.C * v + affine.D) is { } w
            && Perturbations.All(p => InFloat(shape.Exact(w * p, x)) is not null)
                ? InFloat(shape.Exact(w, x))
                : null;
        return new(shape.Naive(u), Exact, $"{shape.Name}[u = {affine.C}·({inner.Text}) + {affine.D}]");
    }

    private static readonly Node Input = new(X, x => x, "x");

    private static Node Applied(UnaryOp op, Func<double, double> f, Node n) =>
        new(Call(op, n.Naive), x => n.Exact(x) is { } a ? InFloat(f(a)) : null, $"{op}({n})");

    private static Gen<Node> Nodes(int depth) => depth == 0
        ? Gen.Select(Shapes, Affine, (s, a) => Shape(s, a, Input))
        : Gen.Frequency(
            (3, Nodes(0)),
            (2, Gen.Select(Shapes, Affine, Nodes(depth - 1), Shape)),
            (1, Gen.Select(Nodes(depth - 1), Nodes(depth - 1), (l, r) =>
                new Node(Add(l.Naive, r.Naive), x => l.Exact(x) is { } a && r.Exact(x) is { } b ? InFloat(a + b) : null, $"({l} + {r})"))),
            (1, Gen.Select(Nodes(depth - 1), Nodes(depth - 1), (l, r) =>
                new Node(Mul(l.Naive, r.Naive), x => l.Exact(x) is { } a && r.Exact(x) is { } b ? InFloat(a * b) : null, $"({l})·({r})"))),
            (1, Nodes(depth - 1).Select(n => new Node(Mul(X, n.Naive), x => n.Exact(x) is { } a ? InFloat(x * a) : null, $"x·({n})"))),
            (1, Nodes(depth - 1).Select(n => Applied(UnaryOp.Tanh, Math.Tanh, n))),
            (1, Nodes(depth - 1).Select(n => Applied(UnaryOp.Atan, Math.Atan, n))));

    /// <summary>|x| ≤ 1e4: a coarse grid, where float's exp overflows (±89), double's (±710), and near 0.</summary>
    private static readonly float[] Points =
        Enumerable.Range(-100, 201).Select(i => i * 100f)
            .Concat(Enumerable.Range(-300, 601).Select(i => i * 0.37f))
            .Concat(Enumerable.Range(-12, 13).SelectMany(k => new[] { MathF.Pow(10, k), -MathF.Pow(10, k) }))
            .Concat([88.5f, 89f, 90f, -88.5f, -89f, -90f, 709f, 711f, -709f, -711f, 1e4f, -1e4f])
            .ToArray();

    [Fact]
    public void RandomExpressionsOfNaiveShapesStayFiniteInFloatWhereTheExactValueIs()
    {
        var nodes = Nodes(2).Array[60].Single(_ => true, seed: "0NaiveShape01");
        var definitions = CompiledBodies.Compile("NaiveShapes", nodes.Select(n => n.Naive).ToArray());
        var checkedPoints = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            var output = CompiledBodies.ForwardSingle(definitions[i], Points);
            for (var k = 0; k < Points.Length; k++)
            {
                if (nodes[i].Exact(Points[k]) is not { } exact)
                {
                    continue;
                }

                checkedPoints++;
                Assert.True(float.IsFinite(output[k]), $"F{i}({Points[k]}) = {output[k]} in float, exact {exact}: {nodes[i]}");
            }
        }

        Assert.True(checkedPoints > nodes.Length * Points.Length / 3, $"only {checkedPoints} points had a finite exact value");
    }

    private const double MinNormal = 1.1754943508222875e-38;

    private static double FloatUlp(double v) => Math.Max(MathF.BitIncrement(MathF.Abs((float)v)) - MathF.Abs((float)v), float.Epsilon);

    [Fact]
    public void RescuedShapesEqualTheExactValueAndTheNaiveFormWhereThatIsFinite()
    {
        var cases = Gen.Select(Shapes, Affine).Array[45].Single(_ => true, seed: "0NaiveShape02");
        var definitions = CompiledBodies.Compile("NaiveValues", cases.Select(c => Shape(c.Item1, c.Item2, Input).Naive).ToArray());
        var doubles = Points.Select(p => (double)p).ToArray();
        for (var i = 0; i < cases.Length; i++)
        {
            var (shape, (c, d)) = cases[i];
            var naive = shape.Naive(Add(Mul(N(c), X), N(d)));
            var inDouble = CompiledBodies.ForwardDouble(definitions[i], doubles);
            var inFloat = CompiledBodies.ForwardSingle(definitions[i], Points);
            for (var k = 0; k < Points.Length; k++)
            {
                var x = doubles[k];
                var u = c * x + d;
                var exact = shape.Exact(u, x);
                // Where the exact value crosses 0 with terms of size s cancelling, every form errs by a few ulp of s.
                var floor = 4e-16 * shape.CancellationScale(u);
                if (double.IsFinite(exact))
                {
                    Assert.True(Math.Abs(inDouble[k] - exact) <= 1e-12 * Math.Abs(exact) + floor,
                        $"{shape}({u}) = {inDouble[k]} in double, exact {exact}");
                }

                var naiveValue = Evaluator.Eval(naive, x);
                if (double.IsFinite(naiveValue))
                {
                    // The naive form is accurate only to a few ulp of the 1 it cancels against (eᵘ − 1 at u = 1e-12).
                    Assert.True(Math.Abs(inDouble[k] - naiveValue) <= 1e-12 * Math.Abs(naiveValue) + floor + 1e-15,
                        $"{shape}({u}) = {inDouble[k]} in double, naive {naiveValue}");
                }

                // In float: the exact value at the inner argument as float computes it, within 4 ulp; below float's normal
                // range (2^−126, scaled by the factor x of x·σ(u)) only absolutely, as subnormals carry fewer bits.
                var uFloat = (float)c * Points[k] + (float)d;
                var exactAtFloat = shape.Exact(uFloat, Points[k]);
                if (double.IsFinite(exactAtFloat) && Math.Abs(exactAtFloat) <= float.MaxValue)
                {
                    var tolerance = 4 * FloatUlp(exactAtFloat) + 4 * FloatUlp(shape.CancellationScale(uFloat))
                        + 4 * MinNormal * Math.Max(1, Math.Abs(x));
                    Assert.True(Math.Abs(inFloat[k] - exactAtFloat) <= tolerance,
                        $"{shape}({uFloat}) = {inFloat[k]} in float, exact {exactAtFloat}");
                }
            }
        }
    }
}
