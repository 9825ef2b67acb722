using System;
using System.Numerics;
using Xunit;

namespace ActGen.Tests.MathXTests;

public class MathXSignTests
{
    public static TheoryData<double, double> Doubles => new()
    {
        { 3.5, 1 }, { -2.0, -1 }, { 1e-310, 1 }, { -double.Epsilon, -1 }, { double.PositiveInfinity, 1 },
        { double.NegativeInfinity, -1 }, { 0.0, 0.0 }, { -0.0, -0.0 }, { double.NaN, double.NaN }, { 1e300, 1 },
    };

    public static TheoryData<float, float> Floats => new()
    {
        { 3.5f, 1 }, { -2f, -1 }, { 1e-40f, 1 }, { -float.Epsilon, -1 }, { float.PositiveInfinity, 1 },
        { float.NegativeInfinity, -1 }, { 0f, 0f }, { -0f, -0f }, { float.NaN, float.NaN }, { 3e38f, 1 },
    };

    [Theory, MemberData(nameof(Doubles))]
    public void DoubleScalarAndEveryLaneAreBitExact(double x, double expected)
    {
        long bits = BitConverter.DoubleToInt64Bits(expected);
        Assert.Equal(bits, BitConverter.DoubleToInt64Bits(MathX.Sign(x)));
        var v = MathX.Sign(new Vector<double>(x));
        for (int i = 0; i < Vector<double>.Count; i++)
            Assert.Equal(bits, BitConverter.DoubleToInt64Bits(v[i]));
    }

    [Theory, MemberData(nameof(Floats))]
    public void FloatScalarAndEveryLaneAreBitExact(float x, float expected)
    {
        int bits = BitConverter.SingleToInt32Bits(expected);
        Assert.Equal(bits, BitConverter.SingleToInt32Bits(MathX.Sign(x)));
        var v = MathX.Sign(new Vector<float>(x));
        for (int i = 0; i < Vector<float>.Count; i++)
            Assert.Equal(bits, BitConverter.SingleToInt32Bits(v[i]));
    }
}
