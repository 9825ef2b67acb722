using System;
using Xunit;

namespace ActGen.Tests.MathXTests;

public class MathXExpm1Log1pTests
{
    [Fact]
    public void Expm1MatchesDecimalTaylorNearZero()
    {
        foreach (var x in Ulps.Grid(2, 8000))
            Ulps.Close(DecimalReference.Expm1(x), MathX.Expm1(x), 3e-16, $"expm1({x:R})");
    }

    [Fact]
    public void Expm1IsExpMinusOneAwayFromZero()
    {
        for (double x = 2; x < 709; x += 0.37)
            Ulps.Close(Math.Exp(x) - 1, MathX.Expm1(x), 3e-16, $"expm1({x:R})");
        for (double x = -2; x > -50; x -= 0.37)
            Ulps.Close(Math.Exp(x) - 1, MathX.Expm1(x), 3e-16, $"expm1({x:R})");
    }

    [Fact]
    public void Expm1Edges()
    {
        Assert.Equal(-1.0, MathX.Expm1(double.NegativeInfinity));
        Assert.Equal(-1.0, MathX.Expm1(-1e4));
        Assert.Equal(double.PositiveInfinity, MathX.Expm1(double.PositiveInfinity));
        Assert.Equal(double.PositiveInfinity, MathX.Expm1(710.0));
        Assert.Equal(double.PositiveInfinity, MathX.Expm1(1e4));
        Assert.True(double.IsNaN(MathX.Expm1(double.NaN)));
        Assert.True(double.IsNegative(MathX.Expm1(-0.0)));
        Assert.Equal(double.Epsilon, MathX.Expm1(double.Epsilon));
        Assert.Equal(-1e-310, MathX.Expm1(-1e-310));
        Assert.Equal(-1f, MathX.Expm1(-1e4f));
        Assert.Equal(float.PositiveInfinity, MathX.Expm1(100f));
    }

    [Fact]
    public void Log1pMatchesDecimalSeriesNearZero()
    {
        foreach (var x in Ulps.Grid(0.5, 8000))
            Ulps.Close(DecimalReference.Log1p(x), MathX.Log1p(x), 3e-16, $"log1p({x:R})");
        for (double x = 0.5; x <= 1; x += 0.001)
            Ulps.Close(DecimalReference.Log1p(x), MathX.Log1p(x), 3e-16, $"log1p({x:R})");
    }

    [Fact]
    public void Log1pIsLogOfOnePlusXAwayFromZero()
    {
        // 1 + x is exact for x in [−1, −½] and loses at most ½ ulp of the argument (≤ 1.4e-16 of the log) above 1.
        for (double x = -1 + 1.0 / 1024; x <= -0.5; x += 1.0 / 1024)
            Ulps.Close(Math.Log(1 + x), MathX.Log1p(x), 3e-16, $"log1p({x:R})");
        for (double x = 1; x < 1e300; x *= 1.7)
            Ulps.Close(Math.Log(1 + x), MathX.Log1p(x), 3e-16, $"log1p({x:R})");
    }

    [Fact]
    public void Log1pEdges()
    {
        Assert.Equal(double.NegativeInfinity, MathX.Log1p(-1.0));
        Assert.True(double.IsNaN(MathX.Log1p(-2.0)));
        Assert.True(double.IsNaN(MathX.Log1p(double.NaN)));
        Assert.Equal(double.PositiveInfinity, MathX.Log1p(double.PositiveInfinity));
        Assert.Equal(Math.Log(1e4), MathX.Log1p(1e4 - 1));
        Assert.True(double.IsNegative(MathX.Log1p(-0.0)));
        Assert.Equal(double.Epsilon, MathX.Log1p(double.Epsilon));
        Assert.Equal(-1e-310, MathX.Log1p(-1e-310));
        Assert.Equal(float.NegativeInfinity, MathX.Log1p(-1f));
        Assert.Equal(1e-30f, MathX.Log1p(1e-30f));
    }

    [Fact]
    public void FloatsAreWithinOneUlpOfTheReference()
    {
        foreach (var x in Ulps.Grid(0.5, 4000, tinyDecades: 37))
        {
            float xf = (float)x;
            Ulps.Close((float)DecimalReference.Expm1(xf), MathX.Expm1(xf), 1, $"expm1({xf:R}f)");
            Ulps.Close((float)DecimalReference.Log1p(xf), MathX.Log1p(xf), 1, $"log1p({xf:R}f)");
        }
    }
}
