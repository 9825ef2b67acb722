namespace ActGen.Experiments.Reporting;

/// <summary>One line of the report's summary table: an activation × init at its deepest depth, averaged over seeds.</summary>
public sealed record ReportRow(
    string Activation, string Init, int Depth, double Decay, double Predicted, double PredictedFinite, double Chi1, double QStar, double DecayFinal,
    double Ratio, double Loss, double TestAccuracy, int Steps);
