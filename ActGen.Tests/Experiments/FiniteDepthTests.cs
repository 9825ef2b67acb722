using System;
using System.Linq;
using ActGen.Experiments.Theory;
using Xunit;

namespace ActGen.Tests.Experiments;

public class FiniteDepthTests
{
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
    private static double SigmoidDerivative(double x) => Sigmoid(x) * (1 - Sigmoid(x));

    [Fact]
    public void DeepNetworksApproachTheFixedPointPrediction()
    {
        var he = new HeInit(WeightDistribution.Normal);
        var atFixedPoint = MeanField.Predict(Sigmoid, SigmoidDerivative, he.SigmaW2(64, 64), 0).PredictedDecayPerLayer;
        var shallow = FiniteDepth.DecayPerLayer(Sigmoid, SigmoidDerivative, he, 2, 64, 2, 4, 0.3);
        var deep = FiniteDepth.DecayPerLayer(Sigmoid, SigmoidDerivative, he, 2, 64, 2, 200, 0.3);
        Assert.InRange(deep, atFixedPoint - 0.005, atFixedPoint + 0.005);
        Assert.True(Math.Abs(shallow - atFixedPoint) > Math.Abs(deep - atFixedPoint));
    }

    [Fact]
    public void ReluAwayFromHeInitHasFlatWeightGradientsThoughChiIsOneHalf()
    {
        // σ_w² = 1: the backward signal halves in variance per layer, and so does the forward one, so
        // E[δ_l²]·E[x_{l−1}²] stays put; χ₁ = 1/2 alone would predict log10(2)/2 ≈ 0.15 decades per layer.
        var glorot = new GlorotInit(WeightDistribution.Normal);
        var logs = FiniteDepth.Log10Gradients(x => Math.Max(x, 0), x => x > 0 ? 1 : 0, glorot, 64, 64, 64, 10, 1.0);
        Assert.All(logs, l => Assert.Equal(logs[0], l, 6));
        Assert.Equal(0.0, FiniteDepth.DecayPerLayer(x => Math.Max(x, 0), x => x > 0 ? 1 : 0, glorot, 64, 64, 64, 10, 1.0), 6);
    }

    [Fact]
    public void LinearLayersHaveFlatWeightGradientsWhateverSigmaW2()
    {
        var init = new NormalInit(Math.Sqrt(0.5 / 32));   // σ_w² = 0.5 at width 32
        var logs = FiniteDepth.Log10Gradients(x => x, _ => 1, init, 32, 32, 32, 6, 1.0).ToArray();
        // The backward factor σ_w² per layer and the forward factor σ_w² per layer cancel: flat again.
        Assert.All(logs.Zip(logs.Skip(1)), p => Assert.Equal(p.First, p.Second, 9));
    }
}
