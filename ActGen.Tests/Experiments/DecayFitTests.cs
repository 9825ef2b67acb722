using System;
using System.Linq;
using ActGen.Experiments.Results;
using Xunit;

namespace ActGen.Tests.Experiments;

public class DecayFitTests
{
    [Theory]
    [InlineData(0.5, 8)]
    [InlineData(-0.2, 5)]
    [InlineData(0.0, 2)]
    public void ExactGeometricDecayIsRecovered(double decay, int layers)
    {
        // Layer 0 is the input layer: it is (layers − 1) layers from the output, so it has the smallest gradient when vanishing.
        var grads = Enumerable.Range(0, layers).Select(i => 3e-2 * Math.Pow(10, -decay * (layers - 1 - i))).ToArray();
        Assert.Equal(decay, DecayFit.DecayPerLayer(grads), 12);
    }

    [Fact]
    public void VanishingGradientsGivePositiveDecayAndRatioAboveOne()
    {
        double[] grads = [1e-6, 1e-4, 1e-3, 1e-1];
        Assert.True(DecayFit.DecayPerLayer(grads) > 0);
        Assert.Equal(1e5, DecayFit.GradRatioLastFirst(grads), 6);
    }

    [Fact]
    public void FitIsLeastSquaresThroughNoisyPoints()
    {
        // Gradients growing towards the input (exploding): log10 g = 0, −1, −1, −3 at distances x = 3, 2, 1, 0
        // from the output. Least squares: sxy = 4.5, sxx = 5, slope 0.9, so the decay is −0.9.
        double[] grads = [1, 0.1, 0.1, 0.001];
        Assert.Equal(-0.9, DecayFit.DecayPerLayer(grads), 12);
    }

    [Fact]
    public void UndefinedCasesGiveNaN()
    {
        Assert.True(double.IsNaN(DecayFit.DecayPerLayer([1.0])));
        Assert.True(double.IsNaN(DecayFit.DecayPerLayer([0.0, 1.0])));
        Assert.True(double.IsNaN(DecayFit.DecayPerLayer([double.NaN, 1.0])));
        Assert.True(double.IsNaN(DecayFit.GradRatioLastFirst([])));
    }

    [Fact]
    public void TheHiddenLayerFitLeavesTheInputAndOutputLayersOut()
    {
        // Hidden layers fall 0.5 decades per layer towards the input; the input and output layers are far off that line.
        double[] grads = [1e-9, 1e-2, Math.Pow(10, -1.5), 1e-1, 1e3];
        Assert.Equal(0.5, DecayFit.HiddenDecayPerLayer(grads), 12);
        Assert.True(DecayFit.DecayPerLayer(grads) > 2);
        Assert.True(double.IsNaN(DecayFit.HiddenDecayPerLayer([1e-3, 1e-2, 1e-1])));   // two hidden layers: one hidden-to-hidden matrix
    }
}
