using System;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Results;
using ActGen.Experiments.Theory;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>Everything one training run needs beyond its data: the key, how to build the activation, the init and the head.</summary>
public sealed record RunSpec(
    RunKey Key,
    Func<nn.Module<Tensor, Tensor>> Activation,
    Init Init,
    HeadKind Head,
    OptimizerKind Optimizer,
    int LogEvery,
    MeanFieldPrediction? Prediction,
    double PredictedDecayFiniteDepth = double.NaN,
    MeasureOn MeasureOn = MeasureOn.FixedBatch);
