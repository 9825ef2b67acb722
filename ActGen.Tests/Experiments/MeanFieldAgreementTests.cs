using System;
using System.Linq;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Data;
using ActGen.Experiments.Results;
using ActGen.Experiments.Theory;
using ActGen.Experiments.Training;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ActGen.Tests.Experiments;

/// <summary>
/// "Done when": wide, deep networks at initialisation, built from registry modules, decay as mean-field theory
/// (computed from the registry's φ and φ′) predicts; and sigmoid decays faster than ReLU under the same init.
/// </summary>
public class MeanFieldAgreementTests(ITestOutputHelper log)
{
    private const int Width = 256;
    private const int Depth = 16;

    private static readonly Lazy<Split> Data = new(() => Split.Of(Circles.Generate(600, 0.1, 0.5, seed: 1), 0.25, seed: 2));

    private static (RunSummary Measured, MeanFieldPrediction AtFixedPoint) AtInit(string name, Init init)
    {
        ActGen.TorchSetup.EnsureLoaded();
        var activation = ActivationCatalog.Get(name);
        var split = Data.Value;
        var fixedPoint = MeanField.Predict(activation.Apply, activation.ApplyDerivative, init.SigmaW2(Width, Width), init.BiasVariance(Width));
        var finite = FiniteDepth.DecayPerLayer(activation.Apply, activation.ApplyDerivative, init, 2, Width, 2, Depth,
            split.Train.Features.Average(v => (double)v * v));
        var key = new RunKey(name, init.Name, Depth, Width, 7, "circles", "sgd", 0.1, 0, 448);
        var spec = new RunSpec(key, HiddenActivation.Of(activation), init, HeadKind.Softmax, OptimizerKind.Sgd, 1, fixedPoint, finite);
        var (_, summary) = Trainer.Run(spec, TensorData.From(split.Train, CPU), TensorData.From(split.Test, CPU), 2, 2, CPU);
        return (summary, fixedPoint);
    }

    [Theory]
    [InlineData("Sigmoid", "he-normal")]
    [InlineData("Sigmoid", "glorot-normal")]
    [InlineData("Tanh", "glorot-normal")]
    [InlineData("Tanh", "he-normal")]
    [InlineData("Relu", "he-normal")]
    [InlineData("Relu", "glorot-normal")]
    [InlineData("Elu", "he-normal")]
    [InlineData("Selu", "lecun-normal")]
    [InlineData("Gelu", "glorot-normal")]
    [InlineData("Softplus", "he-normal")]
    public void MeasuredDecayAtInitSitsNearThePrediction(string activation, string initName)
    {
        var (run, fixedPoint) = AtInit(activation, InitParser.TryParse(initName)!);
        log.WriteLine($"{activation} {initName}: measured {run.DecayPerLayer:F3}, at q* {run.PredictedDecayPerLayer:F3} " +
                      $"(q* {fixedPoint.QStar:G3}, converged {fixedPoint.Converged}), for depth {Depth} {run.PredictedDecayFiniteDepth:F3}");
        Assert.InRange(run.DecayPerLayer, run.PredictedDecayFiniteDepth - 0.06, run.PredictedDecayFiniteDepth + 0.06);
        // The fixed-point prediction applies where the variance map settles at a q* of the data's order.
        if (fixedPoint.Converged && fixedPoint.QStar is > 1e-3 and < 1e3)
            Assert.InRange(run.DecayPerLayer, run.PredictedDecayPerLayer - 0.1, run.PredictedDecayPerLayer + 0.1);
        else Assert.True(double.IsNaN(run.PredictedDecayPerLayer), "no fixed point of order one: no prediction at q*");
    }

    [Theory]
    [InlineData("Relu", "glorot-normal")]
    [InlineData("Gelu", "he-normal")]
    [InlineData("Selu", "he-normal")]
    public void WhereQRunsToZeroOrInfinityThereIsNoFixedPointPrediction(string activation, string initName)
    {
        var definition = ActivationCatalog.Get(activation);
        var init = InitParser.TryParse(initName)!;
        var p = MeanField.Predict(definition.Apply, definition.ApplyDerivative, init.SigmaW2(Width, Width), init.BiasVariance(Width));
        log.WriteLine($"{activation} {initName}: q* {p.QStar:G3}, converged {p.Converged}");
        Assert.False(p.HasOrderOneFixedPoint);
        Assert.True(double.IsNaN(p.FixedPointDecayPerLayer));
    }

    [Theory]
    [InlineData("he-normal")]
    [InlineData("glorot-uniform")]
    public void SigmoidVanishesFasterThanReluUnderTheSameInit(string initName)
    {
        var init = InitParser.TryParse(initName)!;
        var sigmoid = AtInit("Sigmoid", init).Measured;
        var relu = AtInit("Relu", init).Measured;
        log.WriteLine($"{initName}: sigmoid {sigmoid.DecayPerLayer:F3}, relu {relu.DecayPerLayer:F3}");
        Assert.True(sigmoid.DecayPerLayer > relu.DecayPerLayer + 0.3);
        Assert.True(sigmoid.GradRatioLastFirst > 1e3 * relu.GradRatioLastFirst);
    }
}
