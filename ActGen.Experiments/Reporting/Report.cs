using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ActGen.Experiments.Results;

namespace ActGen.Experiments.Reporting;

/// <summary>Writes <c>plots/*.png</c> and <c>report.md</c> from the CSVs of a sweep folder (every finished run in it).</summary>
public static class Report
{
    /// <summary>Returns the path of report.md.</summary>
    public static string Write(string outDir)
    {
        var store = new RunStore(outDir);
        var view = new SweepView(ResultsReader.Summaries(store.SummaryPath), ResultsReader.Rows(store.ResultsPath));
        var plots = Path.Combine(outDir, "plots");
        if (Directory.Exists(plots))
            foreach (var old in Directory.EnumerateFiles(plots, "*.png")) File.Delete(old);
        var sections = new (string Title, Func<IEnumerable<Figure>> Draw)[]
        {
            ("Gradient magnitude by layer", () => GradientByLayerPlot.Draw(view, plots)),
            ("Decay per layer against depth, measured and predicted", () => DecayVsDepthPlot.Draw(view, plots)),
            ("Training curves", () => TrainingCurvesPlot.Draw(view, plots)),
            ("Gradients and weights during training", () => TrainingStatsPlot.Draw(view, plots)),
            ("Gradient heat maps (layer × step)", () => GradientHeatmap.Draw(view, plots)),
        };
        var path = Path.Combine(outDir, "report.md");
        // With a test fraction of 0 the "test" accuracy is the training data's: the report says so.
        var onTraining = store.FinishedConfigs().Any(c => c.Config.Settings.Contains(("test_fraction", "0")));
        AtomicFile.WriteAllText(path, ReportMarkdown.Render(view, sections.Select(s => (s.Title, Safely(s.Title, s.Draw))).ToArray(), onTraining));
        return path;
    }

    /// <summary>
    /// The section's figures, or a note in their place when the plotting library refuses the data: a report with a
    /// missing figure beats no report, and the note names what failed.
    /// </summary>
    private static Figure[] Safely(string title, Func<IEnumerable<Figure>> draw)
    {
        var figures = new List<Figure>();
        try
        {
            foreach (var figure in draw()) figures.Add(figure);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            figures.Add(Figure.NotDrawn($"further figures in \"{title}\"", $"the plotting library refused the data ({e.Message})"));
        }
        return figures.ToArray();
    }
}
