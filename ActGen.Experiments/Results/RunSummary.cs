namespace ActGen.Experiments.Results;

/// <summary>
/// One row of summary.csv. <see cref="DecayPerLayer"/> is measured at initialisation (step 0),
/// <see cref="DecayPerLayerFinal"/> at the last logged step and <see cref="DecayPerLayerMean"/> averaged
/// over all logged steps; <see cref="PredictedDecayPerLayer"/> is mean-field theory's −log10(χ₁)/2 at the fixed point q*,
/// <see cref="PredictedDecayFiniteDepth"/> the same theory propagated through this network's layers (see <c>FiniteDepth</c>); <see cref="GradRatioLastFirst"/> is mean|∂C/∂W| of the last layer over the first, at step 0.
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
    double PredictedDecayFiniteDepth,
    double Chi1,
    double QStar,
    double GradRatioLastFirst,
    double Seconds);
