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
    int LogEvery,
    MeasureOn MeasureOn = MeasureOn.FixedBatch)
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

    /// <summary>
    /// Adventures in Machine Learning's demonstration, as its TensorFlow code ran it: MNIST, five hidden dense layers of
    /// 10 plus a 10-unit linear output, softmax cross-entropy, Adam at lr 1e-3, Glorot-uniform weights and zero biases
    /// (tf.layers' defaults), 2,500 iterations of batch 30, gradients logged every 200 iterations on the current training
    /// batch. Sigmoid, ReLU and leaky ReLU with tf.nn.leaky_relu's slope 0.2 (<c>LeakyRelu(negativeSlope=0.2)</c>; the
    /// text says 0.01, the catalog's default). Five seeds: the seed-to-seed spread is as large as the effects.
    /// </summary>
    public static Preset AdventuresMnist { get; } = new(
        "adventures-mnist",
        "MNIST, 5 hidden layers of 10 + 10-unit output, Adam 1e-3, 2500 steps of batch 30, 5 seeds: sigmoid vs relu vs leaky relu (slope 0.2)",
        ["sigmoid", "relu", "leakyrelu(negativeSlope=0.2)"],
        [new GlorotInit(WeightDistribution.Uniform)],
        [5], 10,
        new DataSpec(DatasetKind.Mnist), HeadKind.Softmax, OptimizerKind.Adam, 1e-3, new Steps(2500), 30, [0, 1, 2, 3, 4], 200,
        MeasureOn.CurrentBatch);

    /// <summary>
    /// Machine Learning Mastery's demonstration, as its Keras code ran it: make_circles(1000, factor 0.5, noise 0.1),
    /// 4 hidden layers of 5 units and one sigmoid output with binary cross-entropy, RandomNormal(0, 1) weights on every
    /// layer (zero biases), RMSprop at lr 1e-3, 100 epochs of batch 32, trained and evaluated on all 1,000 points; measured
    /// at every epoch's start on that epoch's first batch (= the weights at the previous epoch's end). Five seeds.
    /// One difference remains: each epoch's last, partial batch (8 points) is dropped, where Keras trains on it.
    /// </summary>
    public static Preset MlmCircles { get; } = new(
        "mlm-circles",
        "two circles (factor 0.5, noise 0.1), 4 hidden layers of 5, sigmoid output with BCE, N(0,1) init, RMSprop 1e-3, " +
        "100 epochs, 5 seeds: sigmoid vs tanh vs relu",
        ["sigmoid", "tanh", "relu"],
        [new NormalInit(1.0)],
        [4], 5,
        new DataSpec(DatasetKind.Circles, Samples: 1000, Noise: 0.1, Factor: 0.5, TestFraction: 0),
        HeadKind.SigmoidBce, OptimizerKind.Rmsprop, 1e-3, new Epochs(100), 32, [0, 1, 2, 3, 4], 32, MeasureOn.CurrentBatch);

    public static IReadOnlyList<Preset> All { get; } = [Default, AdventuresMnist, MlmCircles];
}
