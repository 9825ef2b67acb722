using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Experiments.Results;
using ScottPlot;

namespace ActGen.Experiments.Reporting;

/// <summary>
/// Training loss (log scale) and test accuracy against step, one line per activation × init, at the sweep's
/// median depth: deep enough to show which gradients fail to reach the first layers, shallow enough that
/// the others still train (at the deepest depth most runs fail, which shows less).
/// </summary>
public static class TrainingCurvesPlot
{
    public static int Depth(SweepView view) => view.Depths[(view.Depths.Count - 1) / 2];

    public static IEnumerable<Figure> Draw(SweepView view, string dir)
    {
        if (view.Summaries.All(r => r.Key.Steps == 0)) yield break;
        var depth = Depth(view);
        yield return Curve(view, dir, depth, "loss", "training-set loss", r => PlotStyle.Log10(r.Loss), log: true);
        yield return Curve(view, dir, depth, "test_accuracy", "test accuracy", r => r.TestAccuracy, log: false);
    }

    private static Figure Curve(SweepView view, string dir, int depth, string name, string label, Func<LayerRow, double> value, bool log)
    {
        var plot = new Plot();
        var patterns = new[] { LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed };
        for (var a = 0; a < view.Activations.Count; a++)
            for (var i = 0; i < view.Inits.Count; i++)
            {
                var run = view.Of(view.Activations[a], view.Inits[i]).Where(r => r.Key.Depth == depth).MinBy(r => r.Key.Seed);
                if (run is null) continue;
                var points = view.Steps(run.Key).Select(s => (Step: (double)s, Value: value(view.Layers(run.Key, s)[0]))).ToArray();
                var line = plot.Add.Scatter(points.Select(p => p.Step).ToArray(), points.Select(p => p.Value).ToArray());
                line.LegendText = view.Inits.Count > 1 ? $"{view.Activations[a]}, {view.Inits[i]}" : view.Activations[a];
                line.Color = PlotStyle.ColorOf(a);
                line.LinePattern = patterns[i % patterns.Length];
                line.LineWidth = 2;
                line.MarkerSize = 0;
            }
        plot.Title($"{label}, depth {depth}");
        plot.XLabel("step");
        plot.YLabel(log ? $"{label} (log scale)" : label);
        if (log) PlotStyle.LogLeftAxis(plot);
        plot.ShowLegend(Edge.Right);
        return new Figure(PlotStyle.Save(plot, dir, name + ".png"),
            $"{char.ToUpperInvariant(label[0])}{label[1..]} against optimiser step for networks of {depth} hidden layers, each activation × init (seed {view.Summaries.Min(s => s.Key.Seed)}).");
    }
}
