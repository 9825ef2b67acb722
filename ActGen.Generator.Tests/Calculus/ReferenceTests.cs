using System;
using ActGen.Tests.Support;
using Xunit;

namespace ActGen.Generator.Tests.Calculus;

/// <summary>The test references themselves: accurate near 0 and finite wherever ln(1 + u) and eᵘ − 1 are.</summary>
public class ReferenceTests
{
    [Theory]
    [InlineData(1e-10, 9.999999999500001e-11)]
    [InlineData(-1e-10, -1.00000000005e-10)]
    [InlineData(1e12, 27.63102111592955)]
    [InlineData(1e25, 57.564627324851145)]
    [InlineData(1e300, 690.7755278982137)]
    [InlineData(-0.75, -1.3862943611198906)]
    public void Log1pIsRightNearZeroAndFarFromIt(double u, double expected) =>
        Assert.Equal(expected, Reference.Log1p(u), 1e-15 * Math.Max(1, Math.Abs(expected)));

    [Theory]
    [InlineData(1e-10, 1.00000000005e-10)]
    [InlineData(-1e-10, -9.999999999500001e-11)]
    [InlineData(-800, -1)]
    [InlineData(-40, -1)]
    [InlineData(20, 485165194.4097903)]
    public void Expm1IsRightNearZeroAndFarFromIt(double u, double expected) =>
        Assert.Equal(expected, Reference.Expm1(u), 1e-15 * Math.Max(1, Math.Abs(expected)));
}
