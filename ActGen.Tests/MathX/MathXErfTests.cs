using System;
using Xunit;
using SF = MathNet.Numerics.SpecialFunctions;

namespace ActGen.Tests.MathXTests;

public class MathXErfTests
{
    [Theory] // 25-digit values (mpmath), rounded to double
    [InlineData(1e-10, 1.128379167095512573892398e-10)]
    [InlineData(0.1, 0.1124629160182848922032751)]
    [InlineData(0.5, 0.5204998778130465376827467)]
    [InlineData(1.0, 0.8427007929497148693412206)]
    [InlineData(1.5, 0.9661051464753107270669763)]
    [InlineData(2.0, 0.9953222650189527341620693)]
    [InlineData(2.5, 0.9995930479825550410604358)]
    [InlineData(3.0, 0.9999779095030014145586272)]
    [InlineData(4.0, 0.9999999845827420997199811)]
    [InlineData(5.0, 0.999999999998462540205572)]
    public void MatchesHighPrecisionValues(double x, double expected)
    {
        Ulps.Close(expected, MathX.Erf(x), 3e-16, $"erf({x})");
        Ulps.Close(-expected, MathX.Erf(-x), 3e-16, $"erf({-x})");
    }

    [Fact]
    public void MatchesDecimalSeriesWithin1e15()
    {
        foreach (var x in Ulps.Grid(4, 8000))
            Ulps.Close(DecimalReference.Erf(x), MathX.Erf(x), 1e-15, $"erf({x:R})");
    }

    [Fact]
    public void MatchesMathNetOnTheWholeRange()
    {
        foreach (var x in Ulps.Grid(7, 7000, tinyDecades: 20))
            Ulps.Close(SF.Erf(x), MathX.Erf(x), 1.5e-15, $"erf({x:R})");
    }

    [Fact]
    public void FloatIsTheCorrectlyRoundedDoubleWithinOneUlp()
    {
        foreach (var x in Ulps.Grid(4, 8000, tinyDecades: 37))
        {
            float xf = (float)x;
            Ulps.Close((float)DecimalReference.Erf(xf), MathX.Erf(xf), 1, $"erf({xf:R}f)");
        }
    }

    [Fact]
    public void LimitsZerosAndNaN()
    {
        Assert.Equal(1.0, MathX.Erf(double.PositiveInfinity));
        Assert.Equal(-1.0, MathX.Erf(double.NegativeInfinity));
        Assert.Equal(1.0, MathX.Erf(1e4));
        Assert.Equal(-1.0, MathX.Erf(-1e4));
        Assert.Equal(1.0, MathX.Erf(6.0));
        Assert.True(MathX.Erf(5.5) < 1.0, "erf(5.5) = 1 − 7e-15 is below 1");
        Assert.True(double.IsNaN(MathX.Erf(double.NaN)));
        Assert.True(double.IsNegative(MathX.Erf(-0.0)) && MathX.Erf(-0.0) == 0);
        Assert.True(double.IsPositive(MathX.Erf(0.0)) && MathX.Erf(0.0) == 0);
        Assert.Equal(1f, MathX.Erf(float.PositiveInfinity));
        Assert.True(float.IsNaN(MathX.Erf(float.NaN)));
    }

    [Fact]
    public void SubnormalsScaleByTwoOverRootPi()
    {
        Ulps.Close(1.1283791670955126e-310, MathX.Erf(1e-310), 1e-12, "erf(1e-310)");
        Assert.Equal(double.Epsilon, MathX.Erf(double.Epsilon));
        Assert.Equal(-double.Epsilon, MathX.Erf(-double.Epsilon));
    }
}
