using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ActGen.Experiments.Reporting;

/// <summary>A few sentences that read the summary table: who vanishes fastest, sigmoid against ReLU, theory against measurement, training.</summary>
public static class ReportReading
{
    public static IEnumerable<string> Lines(IReadOnlyList<ReportRow> rows, int width)
    {
        var measured = rows.Where(r => double.IsFinite(r.Decay)).OrderByDescending(r => r.Decay).ToArray();
        if (measured.Length > 0)
        {
            var (steep, flat) = (measured[0], measured.MinBy(r => Math.Abs(r.Decay))!);
            yield return Inv($"Steepest at initialisation: **{steep.Activation}** with {steep.Init}, {F(steep.Decay)} decades per layer: ") +
                         Inv($"over {steep.Depth} hidden layers the input layer's gradient is about 1e-{steep.Decay * steep.Depth:0} of the output layer's. ") +
                         Inv($"Flattest: **{flat.Activation}** with {flat.Init}, {F(flat.Decay)}.");
        }
        foreach (var init in rows.Select(r => r.Init).Distinct())
        {
            var sigmoid = rows.FirstOrDefault(r => r.Init == init && Is(r.Activation, "sigmoid"));
            var relu = rows.FirstOrDefault(r => r.Init == init && Is(r.Activation, "relu"));
            if (sigmoid is null || relu is null || !double.IsFinite(sigmoid.Decay) || !double.IsFinite(relu.Decay)) continue;
            var verdict = sigmoid.Decay > relu.Decay ? "steeper than" : "not steeper than";
            yield return Inv($"With {init}, sigmoid's measured decay ({F(sigmoid.Decay)}) is {verdict} ReLU's ({F(relu.Decay)}); ") +
                         Inv($"theory says {F(sigmoid.Predicted)} against {F(relu.Predicted)}.");
        }
        var compared = rows.Where(r => double.IsFinite(r.Decay) && double.IsFinite(r.Predicted) && r.QStar is > 1e-3 and < 1e3).ToArray();
        var noFixedPoint = rows.Where(r => !(r.QStar is > 1e-3 and < 1e3)).Select(r => $"{r.Activation} with {r.Init}").ToArray();
        if (compared.Length > 0)
        {
            var worst = compared.MaxBy(r => Math.Abs(r.Decay - r.Predicted))!;
            yield return Inv($"Measured against the prediction at q*, where the variance map settles at a q* of order one ({compared.Length} activation × init pairs): ") +
                         Inv($"mean |difference| {F(compared.Average(r => Math.Abs(r.Decay - r.Predicted)))} decades per layer, ") +
                         Inv($"largest for {worst.Activation} with {worst.Init} ({F(worst.Decay)} against {F(worst.Predicted)}). ") +
                         Inv($"The theory assumes infinitely wide, infinitely deep layers; at width {width}, one measurement batch, and with the input and output layers in the fit, ") +
                         "differences of a few hundredths are expected, more for narrow or shallow networks: the theory is per sample, while the measurement averages ∂C/∂W over a batch, " +
                         "where the output layer's error adds up coherently and the errors of the layers below partly cancel, so shallow networks, whose fit the input and output layers dominate, measure steeper than predicted.";
        }
        if (noFixedPoint.Length > 0)
            yield return $"No fixed point of order one (q runs to 0 or ∞, so −log10(χ₁)/2 does not describe the weight gradients): {string.Join(", ", noFixedPoint)}. " +
                         "There the shrinking or growing forward signal offsets the backward one; the prediction for this depth accounts for it.";
        var finite = rows.Where(r => double.IsFinite(r.Decay) && double.IsFinite(r.PredictedFinite)).ToArray();
        if (finite.Length > 0)
        {
            var worst = finite.MaxBy(r => Math.Abs(r.Decay - r.PredictedFinite))!;
            yield return Inv($"Measured against the prediction for the network's actual depth: mean |difference| {F(finite.Average(r => Math.Abs(r.Decay - r.PredictedFinite)))}; ") +
                         Inv($"largest for {worst.Activation} with {worst.Init} ({F(worst.Decay)} against {F(worst.PredictedFinite)}).");
        }
        var diverged = rows.Where(r => r.Steps > 0 && !double.IsFinite(r.Loss)).Select(r => $"{r.Activation} with {r.Init}").ToArray();
        if (diverged.Length > 0)
            yield return $"Diverged in training at depth {rows.Max(r => r.Depth)} (loss not finite): {string.Join(", ", diverged)}.";
        var trained = rows.Where(r => r.Steps > 0 && double.IsFinite(r.TestAccuracy)).OrderByDescending(r => r.TestAccuracy).ToArray();
        if (trained.Length > 1)
            yield return Inv($"After {trained[0].Steps} steps the deepest networks reach test accuracy from {F(trained[^1].TestAccuracy)} ({trained[^1].Activation}, {trained[^1].Init}) ") +
                         Inv($"to {F(trained[0].TestAccuracy)} ({trained[0].Activation}, {trained[0].Init}): a gradient that vanishes before it reaches the first layers leaves them untrained.");
    }

    private static bool Is(string activation, string name) => string.Equals(activation, name, StringComparison.OrdinalIgnoreCase);
    private static string F(double v) => ReportMarkdown.F(v);
    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
