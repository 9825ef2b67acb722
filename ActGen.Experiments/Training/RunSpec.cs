using ActGen.Experiments.Cli;
using ActGen.Experiments.Results;
using ActGen.Experiments.Theory;

namespace ActGen.Experiments.Training;

/// <summary>Everything one training run needs beyond its data: the key, the hidden layers' activation, the init and the head.</summary>
public sealed record RunSpec(
    RunKey Key,
    HiddenActivation Activation,
    Init Init,
    HeadKind Head,
    OptimizerKind Optimizer,
    int LogEvery,
    MeanFieldPrediction? Prediction,
    double PredictedDecayFiniteDepth = double.NaN,
    MeasureOn MeasureOn = MeasureOn.FixedBatch);
