using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ActGen.Experiments.Reporting;

/// <summary>
/// Sentences that read the summary table and claim only what its numbers show: each names the values it rests on,
/// and a sentence whose values are missing is left out rather than written without them.
/// </summary>
public static class ReportReading
{
    public static IEnumerable<string> Lines(IReadOnlyList<ReportRow> rows, string accuracy = "test accuracy")
    {
        var measured = rows.Where(r => double.IsFinite(r.Decay.Mean)).OrderByDescending(r => r.Decay.Mean).ToArray();
        if (measured.Length > 0)
        {
            var (steep, flat) = (measured[0], measured.MinBy(r => Math.Abs(r.Decay.Mean))!);
            yield return Inv($"Steepest at initialisation: **{steep.Activation}** with {steep.Init}, {steep.Decay.Format()} decades per layer ") +
                         Inv($"(over {steep.Depth} hidden layers a factor of about 10^{-steep.Decay.Mean * steep.Depth:0.#} ") +
                         "between the input and output layers' gradients). " +
                         Inv($"Flattest: **{flat.Activation}** with {flat.Init}, {flat.Decay.Format()}.");
        }
        foreach (var init in rows.Select(r => r.Init).Distinct())
            if (SigmoidAgainstRelu(rows, init) is { } line) yield return line;
        var compared = rows.Where(r => double.IsFinite(r.Decay.Mean) && r.HasFixedPoint).ToArray();
        if (compared.Length > 0)
        {
            var worst = compared.MaxBy(r => Math.Abs(r.Decay.Mean - r.Predicted))!;
            yield return Inv($"Measured against the prediction at q*, over the {compared.Length} activation × init pairs with a fixed point of order one: ") +
                         Inv($"mean |difference| {F(compared.Average(r => Math.Abs(r.Decay.Mean - r.Predicted)))} decades per layer, ") +
                         Inv($"largest for {worst.Activation} with {worst.Init} ({worst.Decay.Format()} against {F(worst.Predicted)}).");
        }
        var noFixedPoint = rows.Where(r => !r.HasFixedPoint).Select(r => Inv($"{r.Activation} with {r.Init} (q → {G(r.QStar)})")).ToArray();
        if (noFixedPoint.Length > 0)
            yield return $"No fixed point of order one, so no prediction at q*: {string.Join(", ", noFixedPoint)}.";
        var finite = rows.Where(r => double.IsFinite(r.Decay.Mean) && double.IsFinite(r.PredictedFinite)).ToArray();
        if (finite.Length > 0)
        {
            var worst = finite.MaxBy(r => Math.Abs(r.Decay.Mean - r.PredictedFinite))!;
            yield return Inv($"Measured against the prediction for the network's actual depth ({finite.Length} pairs): ") +
                         Inv($"mean |difference| {F(finite.Average(r => Math.Abs(r.Decay.Mean - r.PredictedFinite)))}; ") +
                         Inv($"largest for {worst.Activation} with {worst.Init} ({worst.Decay.Format()} against {F(worst.PredictedFinite)}).");
        }
        var diverged = rows.Where(r => r.Steps > 0 && r.Loss.Count < r.Seeds).Select(r => $"{r.Activation} with {r.Init}").ToArray();
        if (diverged.Length > 0)
            yield return $"Training-set loss not finite at the end (diverged) in some seed: {string.Join(", ", diverged)}.";
        if (DecayAgainstAccuracy(rows, accuracy) is { } training) yield return training;
    }

    private static string? SigmoidAgainstRelu(IReadOnlyList<ReportRow> rows, string init)
    {
        var sigmoid = rows.FirstOrDefault(r => r.Init == init && Is(r.Activation, "sigmoid"));
        var relu = rows.FirstOrDefault(r => r.Init == init && Is(r.Activation, "relu"));
        if (sigmoid is null || relu is null || !double.IsFinite(sigmoid.Decay.Mean) || !double.IsFinite(relu.Decay.Mean)) return null;
        var verdict = sigmoid.Decay.Mean > relu.Decay.Mean ? "steeper than" : "not steeper than";
        var theory = sigmoid.HasFixedPoint && relu.HasFixedPoint
            ? Inv($"theory at q* says {F(sigmoid.Predicted)} against {F(relu.Predicted)}")
            : Inv($"theory for this depth says {F(sigmoid.PredictedFinite)} against {F(relu.PredictedFinite)}") +
              (sigmoid.HasFixedPoint ? " (ReLU has no fixed point of order one here)"
               : relu.HasFixedPoint ? " (sigmoid has no fixed point of order one here)" : "");
        return Inv($"With {init}, sigmoid's measured decay ({sigmoid.Decay.Format()}) is {verdict} ReLU's ({relu.Decay.Format()}); {theory}.");
    }

    /// <summary>
    /// The range of test accuracies after training and whether the decay at initialisation orders them: Spearman's rank
    /// correlation over the pairs, called an ordering only when it is strong (|ρ| ≥ 0.7) over at least four pairs.
    /// </summary>
    private static string? DecayAgainstAccuracy(IReadOnlyList<ReportRow> rows, string accuracy)
    {
        var trained = rows.Where(r => r.Steps > 0 && double.IsFinite(r.TestAccuracy.Mean)).OrderByDescending(r => r.TestAccuracy.Mean).ToArray();
        if (trained.Length < 2) return null;
        var (best, worst) = (trained[0], trained[^1]);
        var text = Inv($"After {best.Steps} steps the deepest networks reach {accuracy} from {worst.TestAccuracy.Format()} ") +
                   Inv($"({worst.Activation}, {worst.Init}, decay {worst.Decay.Format()}) ") +
                   Inv($"to {best.TestAccuracy.Format()} ({best.Activation}, {best.Init}, decay {best.Decay.Format()}).");
        var paired = trained.Where(r => double.IsFinite(r.Decay.Mean)).ToArray();
        if (paired.Length < 4) return text;
        var rho = Spearman(paired.Select(r => r.Decay.Mean).ToArray(), paired.Select(r => r.TestAccuracy.Mean).ToArray());
        if (!double.IsFinite(rho)) return text;
        var reading = rho <= -0.7 ? "steeper decay at initialisation goes with lower accuracy"
                    : rho >= 0.7 ? "steeper decay at initialisation goes with higher accuracy"
                    : "the decay at initialisation does not order the accuracies";
        return text + Inv($" Over these {paired.Length} pairs {reading} (rank correlation {rho:0.00}).");
    }

    /// <summary>Spearman's ρ: Pearson's correlation of the ranks (ties get their mean rank).</summary>
    public static double Spearman(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var (rx, ry) = (Ranks(xs), Ranks(ys));
        var (mx, my) = (rx.Average(), ry.Average());
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            for (var j = start; j <= end; j++) ranks[order[j]] = (start + end) / 2.0;
            start = end + 1;
        }
        return ranks;
    }

    private static bool Is(string activation, string name) => string.Equals(activation, name, StringComparison.OrdinalIgnoreCase);
    private static string F(double v) => ReportMarkdown.F(v);
    private static string G(double v) => ReportMarkdown.G(v);
    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
