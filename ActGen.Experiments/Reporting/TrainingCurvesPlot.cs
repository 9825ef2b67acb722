using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Experiments.Results;
using ScottPlot;

namespace ActGen.Experiments.Reporting;

/// <summary>Training loss and test accuracy against step for each activation × init's deepest run.</summary>
public static class TrainingCurvesPlot
{
    public static IEnumerable<Figure> Draw(SweepView view, string dir)
    {
        if (view.Representatives().All(r => r.Key.Steps == 0)) yield break;
        yield return Curve(view, dir, "loss", "training loss (measurement batch)", r => r.Loss, "Training loss");
        yield return Curve(view, dir, "test_accuracy", "test accuracy", r => r.TestAccuracy, "Test accuracy");
    }

    private static Figure Curve(SweepView view, string dir, string name, string label, Func<LayerRow, double> value, string caption)
    {
        var plot = new Plot();
        var patterns = new[] { LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed };
        for (var a = 0; a < view.Activations.Count; a++)
            for (var i = 0; i < view.Inits.Count; i++)
            {
                if (view.Representative(view.Activations[a], view.Inits[i]) is not { } run) continue;
                var points = view.Steps(run.Key).Select(s => (Step: (double)s, Value: value(view.Layers(run.Key, s)[0]))).ToArray();
                var line = plot.Add.Scatter(points.Select(p => p.Step).ToArray(), points.Select(p => p.Value).ToArray());
                line.LegendText = view.Inits.Count > 1 ? $"{view.Activations[a]}, {view.Inits[i]}" : view.Activations[a];
                line.Color = PlotStyle.ColorOf(a);
                line.LinePattern = patterns[i % patterns.Length];
                line.LineWidth = 2;
                line.MarkerSize = 0;
            }
        plot.Title($"{label} during training (deepest network per activation)");
        plot.XLabel("step");
        plot.YLabel(label);
        plot.ShowLegend(Edge.Right);
        return new Figure(PlotStyle.Save(plot, dir, name + ".png"), $"{caption} against optimiser step, deepest network of each activation × init.");
    }
}
