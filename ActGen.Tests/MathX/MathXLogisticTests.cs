using System;
using Xunit;

namespace ActGen.Tests.MathXTests;

public class MathXLogisticTests
{
    [Fact]
    public void SigmoidMatchesDecimalReference()
    {
        for (double x = -30; x <= 30; x += 0.0137)
            Ulps.Close(DecimalReference.Sigmoid(x), MathX.Sigmoid(x), 5e-16, $"sigmoid({x:R})");
    }

    [Fact]
    public void SigmoidIsExpInTheFarLeftTailAndSymmetric()
    {
        for (double x = -40; x > -745; x -= 3.3) // 1 + eˣ rounds to 1 here
            Ulps.Close(Math.Exp(x), MathX.Sigmoid(x), 3e-16, $"sigmoid({x:R})");
        for (double x = 0; x < 40; x += 0.173)
            Assert.True(Math.Abs(MathX.Sigmoid(x) + MathX.Sigmoid(-x) - 1) <= 2.3e-16, $"sigmoid(±{x:R}) sums to 1");
    }

    [Theory]
    [InlineData(1e4, 1.0)]
    [InlineData(-1e4, 0.0)]
    [InlineData(800.0, 1.0)]
    [InlineData(-800.0, 0.0)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(0.0, 0.5)]
    public void SigmoidLimitsAreExact(double x, double expected)
    {
        Assert.Equal(expected, MathX.Sigmoid(x));
        Assert.Equal((float)expected, MathX.Sigmoid((float)x));
    }

    [Fact]
    public void SoftplusMatchesDecimalReference()
    {
        for (double x = -30; x <= 30; x += 0.0137)
            Ulps.Close(DecimalReference.Softplus(x), MathX.Softplus(x), 5e-16, $"softplus({x:R})");
    }

    [Fact]
    public void SoftplusTailsAndLimits()
    {
        Assert.Equal(1e4, MathX.Softplus(1e4));
        Assert.Equal(1e4f, MathX.Softplus(1e4f));
        Assert.Equal(0.0, MathX.Softplus(-800.0));
        Assert.Equal(0f, MathX.Softplus(-800f));
        Ulps.Close(Math.Exp(-700), MathX.Softplus(-700.0), 3e-16, "softplus(-700)");
        Ulps.Close(Math.Log(2), MathX.Softplus(0.0), 2.3e-16, "softplus(0)");
        Assert.Equal(0.0, MathX.Softplus(double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, MathX.Softplus(double.PositiveInfinity));
        Assert.True(double.IsNaN(MathX.Softplus(double.NaN)));
        Assert.True(double.IsNaN(MathX.Sigmoid(double.NaN)));
        for (double x = -1e4; x < 1e4; x += 0.77)
        {
            Assert.False(double.IsNaN(MathX.Softplus(x)) || double.IsNaN(MathX.Sigmoid(x)), $"NaN at {x}");
            Assert.True(MathX.Softplus(x) >= 0 && MathX.Softplus(x) >= x, $"softplus({x}) ≥ max(x, 0)");
        }
    }

    [Fact]
    public void FloatsAreWithinOneUlpOfTheReference()
    {
        for (float x = -30; x <= 30; x += 0.0137f)
        {
            Ulps.Close((float)DecimalReference.Sigmoid(x), MathX.Sigmoid(x), 1, $"sigmoid({x:R}f)");
            Ulps.Close((float)DecimalReference.Softplus(x), MathX.Softplus(x), 1, $"softplus({x:R}f)");
        }
    }
}
