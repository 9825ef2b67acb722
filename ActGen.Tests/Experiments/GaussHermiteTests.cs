using System;
using System.Linq;
using ActGen.Experiments.Theory;
using Xunit;

namespace ActGen.Tests.Experiments;

public class GaussHermiteTests
{
    private static double DoubleFactorial(int n) => n <= 0 ? 1 : n * DoubleFactorial(n - 2);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(97)]
    [InlineData(200)]
    [InlineData(400)]
    public void IntegratesNormalMomentsExactlyUpToDegreeTwoNMinusOne(int n)
    {
        var rule = GaussHermite.Create(n);
        Assert.Equal(n, rule.Nodes.Length);
        for (var degree = 0; degree <= Math.Min(2 * n - 1, 30); degree++)
        {
            var d = degree;
            var expected = d % 2 == 1 ? 0.0 : DoubleFactorial(d - 1);
            var scale = d % 2 == 1 ? DoubleFactorial(d) : expected; // odd moments cancel terms of size E|z|^d
            var actual = rule.Expect(z => Math.Pow(z, d));
            Assert.True(Math.Abs(actual - expected) <= 1e-12 * scale,
                $"n={n}, E[z^{d}] = {actual}, expected {expected}");
        }
    }

    [Fact]
    public void IsNotExactBeyondItsDegree()
    {
        // The 2-point rule has nodes ±1, so E[z^4] comes out as 1 instead of 3.
        Assert.Equal(1.0, GaussHermite.Create(2).Expect(z => Math.Pow(z, 4)), 12);
    }

    [Fact]
    public void NodesAreSymmetricAscendingAndWeightsPositive()
    {
        var rule = GaussHermite.Default;
        Assert.Equal(200, rule.Nodes.Length);
        Assert.True(rule.Nodes.Zip(rule.Nodes.Skip(1)).All(p => p.First < p.Second));
        for (var i = 0; i < rule.Nodes.Length; i++)
        {
            Assert.Equal(-rule.Nodes[i], rule.Nodes[^(i + 1)], 12);
            Assert.True(rule.Weights[i] > 0);
        }
        Assert.DoesNotContain(0.0, rule.Nodes);
    }

    [Fact]
    public void AgreesWithAdaptiveIntegrationOnSmoothActivations()
    {
        // Poles near the real axis (tanh(1.7z) at ±0.92i) slow convergence: 96 points give about 1e-6, 200 about 1e-9.
        var coarse = GaussHermite.Create(96);
        static double Reference(Func<double, double> f) => MathNet.Numerics.Integrate.OnClosedInterval(
            z => f(z) * Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI), -12, 12, 1e-12);
        Func<double, double>[] fs =
        [
            z => Math.Pow(Math.Tanh(1.7 * z), 2),
            z => Math.Pow(1 / (1 + Math.Exp(-z)), 2),
            z => Math.Log(1 + Math.Exp(z)),
        ];
        foreach (var f in fs)
        {
            Assert.InRange(Math.Abs(coarse.Expect(f) - Reference(f)), 0, 1e-6);
            Assert.InRange(Math.Abs(GaussHermite.Default.Expect(f) - Reference(f)), 0, 1e-9);
        }
    }
}
