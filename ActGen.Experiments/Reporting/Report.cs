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
        var sections = new[]
        {
            ("Gradient magnitude by layer", GradientByLayerPlot.Draw(view, plots).ToArray()),
            ("Decay per layer against depth, measured and predicted", DecayVsDepthPlot.Draw(view, plots).ToArray()),
            ("Training curves", TrainingCurvesPlot.Draw(view, plots).ToArray()),
            ("Gradient heat maps (layer × step)", GradientHeatmap.Draw(view, plots).ToArray()),
        };
        var path = Path.Combine(outDir, "report.md");
        AtomicFile.WriteAllText(path, ReportMarkdown.Render(view, sections));
        return path;
    }
}
