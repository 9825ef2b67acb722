namespace ActGen.Experiments.Theory;

/// <summary>
/// The mean-field prediction for a deep random network: the fixed point <see cref="QStar"/> of the
/// pre-activation variance map, the gradient growth factor per layer <see cref="Chi1"/> and the
/// predicted decay in decades per layer, −log10(χ₁)/2 (positive = vanishing).
/// <see cref="Converged"/> is false when q ran off to 0 or infinity or did not settle; q* is then the last value.
/// </summary>
public sealed record MeanFieldPrediction(
    double SigmaW2, double SigmaB2, double QStar, double Chi1, double PredictedDecayPerLayer, bool Converged, int Iterations);
