namespace ActGen.Experiments.Results;

/// <summary>
/// One row of summary.csv. <see cref="DecayPerLayer"/> is measured at initialisation (step 0),
/// <see cref="DecayPerLayerFinal"/> at the last logged step and <see cref="DecayPerLayerMean"/> averaged
/// over all logged steps; <see cref="GradRatioLastFirst"/> is mean|∂C/∂W| of the last layer over the first, at step 0.
/// </summary>
public sealed record RunSummary(
    RunKey Key,
    double TrainLoss,
    double TrainAccuracy,
    double TestAccuracy,
    double DecayPerLayer,
    double DecayPerLayerFinal,
    double DecayPerLayerMean,
    double PredictedDecayPerLayer,
    double Chi1,
    double QStar,
    double GradRatioLastFirst,
    double Seconds);
