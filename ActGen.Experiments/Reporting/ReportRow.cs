namespace ActGen.Experiments.Reporting;

/// <summary>
/// One line of the report's summary table: an activation × init at its deepest depth, over its seeds
/// (<see cref="Seeds"/>). Measured values carry their spread; the predictions do not depend on the seed.
/// <see cref="Predicted"/> is NaN where the variance map has no fixed point of order one.
/// </summary>
public sealed record ReportRow(
    string Activation, string Init, int Depth, int Seeds,
    Stat Decay, Stat DecayAllLayers, double Predicted, double PredictedFinite, double Chi1, double QStar,
    Stat DecayFinal, Stat Ratio, Stat RatioTraining, Stat Loss, Stat TestAccuracy, int Steps)
{
    /// <summary>True where −log10(χ₁)/2 applies (see <c>MeanFieldPrediction.HasOrderOneFixedPoint</c>).</summary>
    public bool HasFixedPoint => double.IsFinite(Predicted);
}
