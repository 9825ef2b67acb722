using System.Collections.Generic;
using System.Linq;
using ActGen.Experiments.Theory;

namespace ActGen.Experiments.Cli;

/// <summary>The defaults a preset gives every sweep option; options given on the command line win.</summary>
public sealed record Preset(
    string Name,
    string Description,
    IReadOnlyList<string> Activations,
    IReadOnlyList<Init> Inits,
    IReadOnlyList<int> Depths,
    int Width,
    DataSpec Data,
    HeadKind Head,
    OptimizerKind Optimizer,
    double Lr,
    TrainingLength Length,
    int Batch,
    IReadOnlyList<int> Seeds,
    int LogEvery)
{
    /// <summary>
    /// A depth scan that finishes in minutes on 2 CPU cores: circles, 1–32 hidden layers of 32 units,
    /// seven activations under Glorot and He, 100 SGD steps.
    /// </summary>
    public static Preset Default { get; } = new(
        "default", "depth scan 1-32 on circles: sigmoid, tanh, relu, leaky relu, elu, selu, gelu; glorot and he",
        ["sigmoid", "tanh", "relu", "leakyrelu", "elu", "selu", "gelu"],
        [new GlorotInit(WeightDistribution.Normal), new HeInit(WeightDistribution.Normal)],
        Enumerable.Range(1, 32).ToArray(), 32,
        new DataSpec(DatasetKind.Circles), HeadKind.Softmax, OptimizerKind.Sgd, 0.05, new Steps(100), 64, [0], 25);

    /// <summary>Adventures in Machine Learning's demonstration: MNIST, five hidden layers of 10 plus a 10-unit output, Adam.</summary>
    public static Preset AdventuresMnist { get; } = new(
        "adventures-mnist", "MNIST, 5 hidden dense layers of 10 + 10-unit output, Adam: sigmoid vs relu vs leaky relu",
        ["sigmoid", "relu", "leakyrelu"],
        [new GlorotInit(WeightDistribution.Uniform)],
        [5], 10,
        new DataSpec(DatasetKind.Mnist), HeadKind.Softmax, OptimizerKind.Adam, 1e-3, new Steps(3000), 100, [0], 100);

    /// <summary>Machine Learning Mastery's demonstration: two circles, four hidden layers of 5, one sigmoid output with BCE.</summary>
    public static Preset MlmCircles { get; } = new(
        "mlm-circles", "two circles, 4 hidden layers of 5 units, one sigmoid output with BCE: sigmoid vs tanh vs relu",
        ["sigmoid", "tanh", "relu"],
        [new GlorotInit(WeightDistribution.Uniform), new HeInit(WeightDistribution.Uniform)],
        [4], 5,
        new DataSpec(DatasetKind.Circles, Samples: 1000, Noise: 0.1, Factor: 0.8, TestFraction: 0.5),
        HeadKind.SigmoidBce, OptimizerKind.Sgd, 0.01, new Epochs(500), 32, [0], 250);

    public static IReadOnlyList<Preset> All { get; } = [Default, AdventuresMnist, MlmCircles];
}
