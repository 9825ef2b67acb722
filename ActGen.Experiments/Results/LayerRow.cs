namespace ActGen.Experiments.Results;

/// <summary>
/// One row of results.csv: the measurements of one dense layer (0 = nearest the input) of one run at one step.
/// Loss and accuracies are those of the whole network at that step, repeated on each layer's row.
/// </summary>
public sealed record LayerRow(
    RunKey Key,
    int Step,
    int Layer,
    double GradMeanAbs,
    double GradStd,
    double GradL2,
    double BiasGradMeanAbs,
    double WeightMean,
    double WeightStd,
    double ActivationMean,
    double ActivationStd,
    double DeadFraction,
    double Loss,
    double TrainAccuracy,
    double TestAccuracy);
