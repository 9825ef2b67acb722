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
    /// README's main command: a depth scan that finishes in a few minutes on 2 CPU cores. Circles; seven
    /// activations under Glorot and He (normal); 14 × 10 = 140 runs. Why these numbers:
    /// depths 1, 2, 3, 4, 6, 8, 12, 16, 24, 32 — about evenly spaced in log depth over the 1–32, where
    /// the decay settles, for 108 layers per activation × init instead of the 528 of every depth (time grows
    /// with the sum of the depths; the sweep runs single-threaded);
    /// width 64 — wide enough that the measured decay at initialisation lands within a few hundredths of the
    /// mean-field prediction (it assumes infinite width), and at these sizes time is per-op overhead, not
    /// arithmetic, so 64 costs little more than 16; 200 SGD steps of batch 64 at lr 0.05 — enough for the
    /// networks whose gradients reach the first layers to separate the circles (test accuracy ≈ 1) while
    /// sigmoid's stay at chance, so the training curves show the problem; log every 20 steps — 11 points
    /// per curve and heat-map column.
    /// </summary>
    public static Preset Default { get; } = new(
        "default", "depth scan 1-32 on circles: sigmoid, tanh, relu, leaky relu, elu, selu, gelu; glorot and he",
        ["sigmoid", "tanh", "relu", "leakyrelu", "elu", "selu", "gelu"],
        [new GlorotInit(WeightDistribution.Normal), new HeInit(WeightDistribution.Normal)],
        [1, 2, 3, 4, 6, 8, 12, 16, 24, 32], 64,
        new DataSpec(DatasetKind.Circles), HeadKind.Softmax, OptimizerKind.Sgd, 0.05, new Steps(200), 64, [0], 20);

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
