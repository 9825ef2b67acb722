using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Experiments.Results;
using ScottPlot;

namespace ActGen.Experiments.Reporting;

/// <summary>
/// What the two demonstrations plot during training, for sweeps of a single depth (the presets): per layer against
/// step, mean |∂C/∂W| (log scale, the first and the output layer drawn bold), the weights' mean and s.d., and the
/// signed gradient mean and s.d. One set per activation × init, for its lowest seed.
/// </summary>
public static class TrainingStatsPlot
{
    private sealed record Series(string Name, string Label, Func<LayerRow, double> Value, bool Log, bool Dashed);

    public static IEnumerable<Figure> Draw(SweepView view, string dir)
    {
        if (view.Depths.Count != 1 || view.Summaries.All(r => r.Key.Steps == 0)) yield break;
        foreach (var run in view.Representatives())
        {
            var who = $"{run.Key.Activation}, {run.Key.Init}, seed {run.Key.Seed}";
            yield return Draw(view, run.Key, dir, "grad_mean_abs", $"mean |dC/dW| per layer: {who}", "mean |dC/dW| (log scale)",
                [new("grad", "", r => PlotStyle.Log10(r.GradMeanAbs), true, false)], highlight: true,
                $"Mean |∂C/∂W| of each layer against step ({who}); the first layer and the output layer are drawn bold.");
            yield return Draw(view, run.Key, dir, "weights", $"weights per layer: {who}", "weight mean (solid) and s.d. (dashed)",
                [new("mean", " mean", r => r.WeightMean, false, false), new("sd", " s.d.", r => r.WeightStd, false, true)], highlight: false,
                $"Mean (solid) and standard deviation (dashed) of each layer's weights against step ({who}).");
            yield return Draw(view, run.Key, dir, "grad_signed", $"signed gradient per layer: {who}", "dC/dW mean (solid) and s.d. (dashed)",
                [new("mean", " mean", r => r.GradMean, false, false), new("sd", " s.d.", r => r.GradStd, false, true)], highlight: false,
                $"Signed mean (solid) and standard deviation (dashed) of each layer's ∂C/∂W against step ({who}).");
        }
    }

    private static Figure Draw(SweepView view, RunKey key, string dir, string name, string title, string yLabel,
        IReadOnlyList<Series> series, bool highlight, string caption)
    {
        var steps = view.Steps(key);
        var layers = key.Depth + 1;
        var values = series.SelectMany(s => steps.SelectMany(step => view.Layers(key, step).Select(s.Value))).ToArray();
        var file = $"{name}_{PlotStyle.Slug(key.Activation)}_{PlotStyle.Slug(key.Init)}";
        if (!PlotStyle.AnyFinite(values)) return Figure.NotDrawn($"plot {file}", "no finite value to draw");
        var plot = new Plot();
        foreach (var s in series)
            for (var layer = 0; layer < layers; layer++)
            {
                var points = steps
                    .Select(step => view.Layers(key, step).FirstOrDefault(r => r.Layer == layer) is { } row ? s.Value(row) : double.NaN)
                    .ToArray();
                var line = plot.Add.Scatter(steps.Select(st => (double)st).ToArray(), points);
                line.Color = PlotStyle.ColorOf(layer);
                line.LineWidth = highlight && (layer == 0 || layer == layers - 1) ? 3.5f : 1.2f;
                line.LinePattern = s.Dashed ? LinePattern.Dashed : LinePattern.Solid;
                line.MarkerSize = 0;
                line.LegendText = $"layer {layer}{s.Label}";
            }
        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel(yLabel);
        if (series.Any(s => s.Log)) PlotStyle.LogLeftAxis(plot);
        plot.ShowLegend(Edge.Right);
        return new Figure(PlotStyle.Save(plot, dir, file + ".png"), caption);
    }
}
