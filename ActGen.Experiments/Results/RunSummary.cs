namespace ActGen.Experiments.Results;

/// <summary>
/// One row of summary.csv. <see cref="DecayPerLayer"/> is measured at initialisation (step 0) over the hidden layers
/// (width × width weights; the input and output layers, whose fan-in or fan-out is the data's, are left out; NaN below
/// three hidden layers), <see cref="DecayPerLayerAllLayers"/> the same fit over every dense layer;
/// <see cref="DecayPerLayerFinal"/> is the hidden-layer fit at the last logged step and <see cref="DecayPerLayerMean"/> its
/// average over all logged steps. <see cref="PredictedDecayPerLayer"/> is mean-field theory's −log10(χ₁)/2 at the fixed
/// point q*, NaN where the variance map has no fixed point of order one;
/// <see cref="PredictedDecayFiniteDepth"/> the same theory propagated through this network's layers (see <c>FiniteDepth</c>).
/// <see cref="GradRatioLastFirst"/> is mean|∂C/∂W| of the last layer over the first at step 0,
/// <see cref="GradRatioLastFirstMean"/> the geometric mean of that ratio over every logged step after step 0 (training).
/// <see cref="TrainLoss"/> is the loss over the whole training set at the last step.
/// </summary>
public sealed record RunSummary(
    RunKey Key,
    double TrainLoss,
    double TrainAccuracy,
    double TestAccuracy,
    double DecayPerLayer,
    double DecayPerLayerAllLayers,
    double DecayPerLayerFinal,
    double DecayPerLayerMean,
    double PredictedDecayPerLayer,
    double PredictedDecayFiniteDepth,
    double Chi1,
    double QStar,
    double GradRatioLastFirst,
    double GradRatioLastFirstMean,
    double Seconds);
