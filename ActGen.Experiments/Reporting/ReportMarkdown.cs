using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ActGen.Experiments.Results;

namespace ActGen.Experiments.Reporting;

/// <summary>The text of report.md: what was run, a summary table, a short reading and the figures.</summary>
public static class ReportMarkdown
{
    public static string Render(SweepView view, IReadOnlyList<(string Title, Figure[] Figures)> sections)
    {
        var md = new StringBuilder();
        md.Append("# Depth sweep: vanishing gradients\n\n");
        if (view.Summaries.Count == 0) return md.Append("No finished runs yet.\n").ToString();
        var k = view.Summaries[0].Key;
        md.Append(Inv($"{view.Summaries.Count} runs on **{k.Dataset}**: activations {string.Join(", ", view.Activations)}; ")
            + Inv($"inits {string.Join(", ", view.Inits)}; depths {string.Join(", ", view.Depths)} hidden layers of {k.Width} units; ")
            + Inv($"{k.Optimizer} with lr {k.Lr}, {k.Steps} steps of batch {k.Batch}; seeds {string.Join(", ", view.Summaries.Select(s => s.Key.Seed).Distinct().Order())}.\n\n"));
        md.Append("Decay is the least-squares slope of log10 mean |∂C/∂W| per layer, from the output layer towards the input, in decades per layer ")
          .Append("(positive = vanishing). The prediction is mean-field theory's −log10(χ₁)/2 with χ₁ = σ_w² E[φ′(√q* z)²], computed from the ")
          .Append("activation's generated φ and φ′, at the fixed point q* of the variance map; it holds for wide, deep layers at initialisation. ")
          .Append("The prediction *for this depth* runs the same theory through the actual layers, from the data's variance to the output layer, ")
          .Append("and fits the same line: it also covers activations whose variance runs off to 0 or ∞ instead of settling (e.g. ReLU away from He init).\n\n");
        md.Append("## Summary (deepest network of each activation × init, mean over seeds)\n\n");
        md.Append("| activation | init | depth | decay at init | predicted at q* | predicted for this depth | χ₁ | decay after training | last/first layer grad at init | train loss | test accuracy |\n");
        md.Append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var row in Rows(view))
            md.Append(Inv($"| {row.Activation} | {row.Init} | {row.Depth} | {F(row.Decay)} | {F(row.Predicted)} | {F(row.PredictedFinite)} | {F(row.Chi1)} | {F(row.DecayFinal)} | {G(row.Ratio)} | {F(row.Loss)} | {F(row.TestAccuracy)} |\n"));
        md.Append("\n## Reading\n\n");
        foreach (var line in ReportReading.Lines(Rows(view), view.Summaries[0].Key.Width)) md.Append("- ").Append(line).Append('\n');
        foreach (var (title, figures) in sections.Where(s => s.Figures.Length > 0))
        {
            md.Append("\n## ").Append(title).Append("\n\n");
            foreach (var f in figures) md.Append($"![{f.File}](plots/{f.File})\n\n*{f.Caption}*\n\n");
        }
        md.Append("## Files\n\n`results.csv` (one row per run × layer × measured step), `summary.csv` (one row per run), ")
          .Append("`plots/`, and `tensorboard/` (one folder per run: `tensorboard --logdir tensorboard`).\n");
        return md.ToString();
    }

    /// <summary>One table row per activation × init: its deepest runs, averaged over seeds.</summary>
    public static IReadOnlyList<ReportRow> Rows(SweepView view) =>
        (from a in view.Activations
         from i in view.Inits
         let runs = view.Of(a, i).ToArray()
         where runs.Length > 0
         let depth = runs.Max(r => r.Key.Depth)
         let deepest = runs.Where(r => r.Key.Depth == depth).ToArray()
         select new ReportRow(a, i, depth,
             Mean(deepest, r => r.DecayPerLayer), deepest[0].PredictedDecayPerLayer, deepest[0].PredictedDecayFiniteDepth, deepest[0].Chi1, deepest[0].QStar,
             Mean(deepest, r => r.DecayPerLayerFinal), Mean(deepest, r => r.GradRatioLastFirst),
             Mean(deepest, r => r.TrainLoss), Mean(deepest, r => r.TestAccuracy), deepest[0].Key.Steps)).ToArray();

    private static double Mean(IEnumerable<RunSummary> runs, System.Func<RunSummary, double> value) =>
        runs.Select(value).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();

    internal static string F(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
    internal static string G(double v) => double.IsFinite(v) ? v.ToString("0.##E+0", CultureInfo.InvariantCulture) : "–";
    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
