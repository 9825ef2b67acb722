namespace ActGen.Experiments.Theory;

/// <summary>
/// The mean-field prediction for a deep random network: the fixed point <see cref="QStar"/> of the
/// pre-activation variance map, the gradient growth factor per layer <see cref="Chi1"/> and the
/// predicted decay in decades per layer, −log10(χ₁)/2 (positive = vanishing).
/// <see cref="Converged"/> is false when q ran off to 0 or infinity or did not settle; q* is then the last value.
/// </summary>
public sealed record MeanFieldPrediction(
    double SigmaW2, double SigmaB2, double QStar, double Chi1, double PredictedDecayPerLayer, bool Converged, int Iterations)
{
    /// <summary>
    /// The variance map settles at a q* of order one (10⁻³ … 10³): only then do deep layers sit at q* and does
    /// −log10(χ₁)/2 describe their gradients. Where q runs to 0 or ∞ (ReLU under Glorot, GELU even under He) the
    /// forward signal shrinks or grows with the backward one and the measured decay is another number.
    /// </summary>
    public bool HasOrderOneFixedPoint => Converged && QStar is >= 1e-3 and <= 1e3;

    /// <summary><see cref="PredictedDecayPerLayer"/> where <see cref="HasOrderOneFixedPoint"/>, else NaN (the prediction does not apply).</summary>
    public double FixedPointDecayPerLayer => HasOrderOneFixedPoint ? PredictedDecayPerLayer : double.NaN;
}
