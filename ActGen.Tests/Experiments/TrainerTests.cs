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

public class TrainerTests(ITestOutputHelper log)
{
    private static (RunSummary Summary, LayerRow[] Rows) Train(
        Func<nn.Module<Tensor, Tensor>> activation, Init init, int depth, int width, int steps, int logEvery,
        HeadKind head = HeadKind.Softmax, MeanFieldPrediction? prediction = null)
    {
        ActGen.TorchSetup.EnsureLoaded();
        var split = Split.Of(Circles.Generate(400, 0.1, 0.5, seed: 1), 0.25, seed: 2);
        var key = new RunKey("act", init.Name, depth, width, 3, "circles", "sgd", 0.1, steps, 256);
        var spec = new RunSpec(key, HiddenActivation.Module(activation), init, head, OptimizerKind.Sgd, logEvery, prediction);
        var (rows, summary) = Trainer.Run(spec, TensorData.From(split.Train, CPU), TensorData.From(split.Test, CPU), 2, 2, CPU);
        return (summary, rows.ToArray());
    }

    [Fact]
    public void LogsEveryLayerAtStepZeroEveryLogStepAndTheLastStep()
    {
        var (summary, rows) = Train(() => nn.ReLU(), new HeInit(WeightDistribution.Normal), depth: 3, width: 8, steps: 5, logEvery: 2);
        Assert.Equal([0, 2, 4, 5], rows.Select(r => r.Step).Distinct());
        Assert.All(rows.GroupBy(r => r.Step), g => Assert.Equal([0, 1, 2, 3], g.Select(r => r.Layer)));
        Assert.All(rows, r => Assert.True(r.GradMeanAbs > 0 && r.GradL2 >= r.GradMeanAbs && double.IsFinite(r.Loss)));
        Assert.All(rows.Where(r => r.Layer < 3), r => Assert.InRange(r.DeadFraction, 0, 1));
        Assert.All(rows.Where(r => r.Layer == 3), r => Assert.True(double.IsNaN(r.DeadFraction)));
        Assert.InRange(summary.TestAccuracy, 0, 1);
        var first = rows.Where(r => r.Step == 0).Select(r => r.GradMeanAbs).ToArray();
        Assert.Equal(DecayFit.HiddenDecayPerLayer(first), summary.DecayPerLayer, 12);   // over layers 1 and 2
        Assert.Equal(DecayFit.DecayPerLayer(first), summary.DecayPerLayerAllLayers, 12);
        Assert.Equal(Math.Log10(first[2] / first[1]), summary.DecayPerLayer, 12);
        Assert.Equal(first[^1] / first[0], summary.GradRatioLastFirst, 12);
    }

    [Fact]
    public void RunsAreReproducibleFromTheSeed()
    {
        var a = Train(() => nn.Tanh(), new GlorotInit(WeightDistribution.Uniform), 2, 6, 3, 1, HeadKind.SigmoidBce);
        var b = Train(() => nn.Tanh(), new GlorotInit(WeightDistribution.Uniform), 2, 6, 3, 1, HeadKind.SigmoidBce);
        Assert.Equal(a.Rows.Select(r => r.GradMeanAbs), b.Rows.Select(r => r.GradMeanAbs));
        Assert.Equal(a.Summary.TrainLoss, b.Summary.TrainLoss);
    }

    [Fact]
    public void SigmoidVanishesFasterThanReluAndEachSitsNearItsPrediction()
    {
        static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
        var he = new HeInit(WeightDistribution.Normal);
        var sigmoidPrediction = MeanField.Predict(Sigmoid, x => Sigmoid(x) * (1 - Sigmoid(x)), he.SigmaW2(128, 128), 0);
        var sigmoid = Train(() => nn.Sigmoid(), he, depth: 12, width: 128, steps: 0, logEvery: 1, prediction: sigmoidPrediction).Summary;
        var relu = Train(() => nn.ReLU(), he, depth: 12, width: 128, steps: 0, logEvery: 1).Summary;
        log.WriteLine($"sigmoid {sigmoid.DecayPerLayer} (predicted {sigmoid.PredictedDecayPerLayer}), relu {relu.DecayPerLayer} (predicted 0)");
        Assert.True(sigmoid.DecayPerLayer > relu.DecayPerLayer + 0.2);
        Assert.InRange(relu.DecayPerLayer, -0.05, 0.05);
        Assert.InRange(sigmoid.DecayPerLayer, sigmoidPrediction.PredictedDecayPerLayer - 0.1, sigmoidPrediction.PredictedDecayPerLayer + 0.1);
    }
}
