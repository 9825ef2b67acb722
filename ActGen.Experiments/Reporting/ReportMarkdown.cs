using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ActGen.Experiments.Results;

namespace ActGen.Experiments.Reporting;

/// <summary>The text of report.md: what was run, a summary table, a reading derived from the table, and the figures.</summary>
public static class ReportMarkdown
{
    /// <summary><paramref name="evaluatedOnTraining"/>: no held-out set, so the accuracy column is the training data's.</summary>
    public static string Render(SweepView view, IReadOnlyList<(string Title, Figure[] Figures)> sections, bool evaluatedOnTraining = false)
    {
        var md = new StringBuilder();
        md.Append("# Depth sweep: vanishing gradients\n\n");
        if (view.Summaries.Count == 0) return md.Append("No finished runs yet.\n").ToString();
        var k = view.Summaries[0].Key;
        var seeds = view.Summaries.Select(s => s.Key.Seed).Distinct().Order().ToArray();
        md.Append(Inv($"{view.Summaries.Count} runs on **{k.Dataset}**: activations {string.Join(", ", view.Activations)}; ")
            + Inv($"inits {string.Join(", ", view.Inits)}; depths {string.Join(", ", view.Depths)} hidden layers of {k.Width} units; ")
            + Inv($"{k.Optimizer} with lr {k.Lr}, {k.Steps} steps of batch {k.Batch}; ")
            + Inv($"{seeds.Length} seed{(seeds.Length == 1 ? "" : "s")} ({string.Join(", ", seeds)}).\n\n"));
        md.Append("Decay is the least-squares slope of log10 mean |∂C/∂W| per layer, from the output towards the input, in decades per layer ")
          .Append("(positive = vanishing), fitted over the hidden layers (width × width weights; the input and output layers, whose sizes ")
          .Append("are the data's, are left out, so networks of fewer than three hidden layers have no value); the fit over every layer is ")
          .Append("its own column. ")
          .Append(Inv($"Gradients are those of one measurement batch of {k.Batch} rows; the fitted decay depends on that batch size, "))
          .Append("so compare runs measured with the same one. ")
          .Append("The prediction at q* is mean-field theory's −log10(χ₁)/2 with χ₁ = σ_w² E[φ′(√q* z)²], from the activation's generated φ ")
          .Append("and φ′, at the fixed point q* of the variance map; it is given only where that map settles at a q* of order one. ")
          .Append("The prediction *for this depth* runs the same theory through the actual layers, from the data's variance to the output, ")
          .Append("and fits the same line.\n\n");
        var rows = Rows(view);
        var seedNote = seeds.Length > 1 ? "mean ± s.d. over seeds" : "one seed";
        md.Append(Inv($"## Summary (deepest network of each activation × init, {seedNote})\n\n"));
        md.Append("| activation | init | depth | seeds | decay at init | decay, all layers | predicted at q* | predicted for this depth | χ₁ | q* ")
          .Append("| decay after training | last/first layer grad at init | last/first during training | training-set loss | ")
          .Append(evaluatedOnTraining ? "accuracy on the training data (no held-out set) |\n" : "test accuracy |\n");
        md.Append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var r in rows)
            md.Append(Inv($"| {r.Activation} | {r.Init} | {r.Depth} | {r.Seeds} | {r.Decay.Format()} | {r.DecayAllLayers.Format()} | ")
                + Inv($"{(r.HasFixedPoint ? F(r.Predicted) : "no q*")} | {F(r.PredictedFinite)} | {F(r.Chi1)} | {G(r.QStar)} | ")
                + Inv($"{r.DecayFinal.Format()} | {r.Ratio.Format(Ratio)} | {r.RatioTraining.Format(Ratio)} | ")
                + Inv($"{r.Loss.Format()} | {r.TestAccuracy.Format()} |\n"));
        if (rows.Any(r => !r.HasFixedPoint))
            md.Append("\n\"no q*\": the variance map runs to 0 or ∞ (or does not settle) instead of reaching a fixed point of order one, ")
              .Append("so the layers never sit at a q* and −log10(χ₁)/2 does not describe their gradients; read the prediction for this depth.\n");
        md.Append("\n## Reading\n\n");
        var accuracy = evaluatedOnTraining ? "accuracy on the training data" : "test accuracy";
        foreach (var line in ReportReading.Lines(rows, accuracy)) md.Append("- ").Append(line).Append('\n');
        foreach (var (title, figures) in sections.Where(s => s.Figures.Length > 0))
        {
            md.Append("\n## ").Append(title).Append("\n\n");
            foreach (var f in figures)
                md.Append(f.File is null ? $"*{f.Caption}*\n\n" : $"![{f.File}](plots/{f.File})\n\n*{f.Caption}*\n\n");
        }
        md.Append("## Files\n\n`results.csv` (one row per run × layer × measured step), `summary.csv` (one row per run), ")
          .Append("`plots/`, and `tensorboard/` (one folder per run: `tensorboard --logdir tensorboard`).\n");
        return md.ToString();
    }

    private const string Ratio = "0.##E+0";

    /// <summary>One table row per activation × init: its deepest runs, over seeds.</summary>
    public static IReadOnlyList<ReportRow> Rows(SweepView view) =>
        (from a in view.Activations
         from i in view.Inits
         let runs = view.Of(a, i).ToArray()
         where runs.Length > 0
         let depth = runs.Max(r => r.Key.Depth)
         let deepest = runs.Where(r => r.Key.Depth == depth).ToArray()
         select new ReportRow(a, i, depth, deepest.Length,
             Of(deepest, r => r.DecayPerLayer), Of(deepest, r => r.DecayPerLayerAllLayers),
             deepest[0].PredictedDecayPerLayer, deepest[0].PredictedDecayFiniteDepth, deepest[0].Chi1, deepest[0].QStar,
             Of(deepest, r => r.DecayPerLayerFinal), Of(deepest, r => r.GradRatioLastFirst), Of(deepest, r => r.GradRatioLastFirstMean),
             Of(deepest, r => r.TrainLoss), Of(deepest, r => r.TestAccuracy), deepest[0].Key.Steps)).ToArray();

    private static Stat Of(IEnumerable<RunSummary> runs, Func<RunSummary, double> value) => Stat.Of(runs.Select(value));

    internal static string F(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
    internal static string G(double v) => double.IsFinite(v) ? v.ToString(Ratio, CultureInfo.InvariantCulture) : "–";
    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
