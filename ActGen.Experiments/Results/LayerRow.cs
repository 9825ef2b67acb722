namespace ActGen.Experiments.Results;

/// <summary>
/// One row of results.csv: the measurements of one dense layer (0 = nearest the input) of one run at one step.
/// Gradients are those of the measurement batch (see <c>MeasureBatch</c>). <see cref="Loss"/> is the loss over the whole
/// training set, <see cref="BatchLoss"/> the measurement batch's; both, and the accuracies, are the whole network's at
/// that step, repeated on each layer's row. <see cref="GradMean"/> is the signed mean of ∂C/∂W.
/// </summary>
public sealed record LayerRow(
    RunKey Key,
    int Step,
    int Layer,
    double GradMeanAbs,
    double GradMean,
    double GradStd,
    double GradL2,
    double BiasGradMeanAbs,
    double WeightMean,
    double WeightStd,
    double ActivationMean,
    double ActivationStd,
    double DeadFraction,
    double Loss,
    double BatchLoss,
    double TrainAccuracy,
    double TestAccuracy);
