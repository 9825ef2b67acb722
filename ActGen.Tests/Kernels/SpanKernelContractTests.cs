using System;
using Xunit;

namespace ActGen.Tests.Kernels;

/// <summary>The generated span kernels' contract: equal lengths, exactly in place or apart, never a shifted overlap.</summary>
public class SpanKernelContractTests
{
    private static double[] Values() => [-2.0, -0.5, 0.0, 0.25, 1.5, 3.0, -1.0, 0.75, 2.0];

    [Fact]
    public void ExactlyInPlaceIsAllowedAndComputesTheSame()
    {
        var data = Values();
        var expected = new double[data.Length];
        Activations.EluForward(data, expected);
        Activations.EluForward(data, data);
        Assert.Equal(expected, data);
    }

    [Fact]
    public void AShiftedOverlapIsRefused()
    {
        var data = Values();
        var error = Assert.Throws<ArgumentException>(() => Activations.EluForward(data.AsSpan(0, 8), data.AsSpan(1, 8)));
        Assert.Contains("overlaps", error.Message);
        var backward = Assert.Throws<ArgumentException>(() =>
            Activations.SigmoidBackwardFromOutput(data.AsSpan(1, 8), Values().AsSpan(0, 8), data.AsSpan(0, 8)));
        Assert.Contains("gradInput overlaps output", backward.Message);
    }

    [Fact]
    public void DifferentLengthsAreRefused() =>
        Assert.Throws<ArgumentException>(() => Activations.ReluForward(new double[4], new double[5]));
}
