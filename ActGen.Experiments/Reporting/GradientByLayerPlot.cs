using System.Collections.Generic;
using System.Linq;
using ScottPlot;

namespace ActGen.Experiments.Reporting;

/// <summary>
/// mean |∂C/∂W| against layer (input = 0), log scale, one line per activation, one plot per init and per
/// moment (initialisation, end of training) — the picture of the vanishing-gradient problem.
/// </summary>
public static class GradientByLayerPlot
{
    public static IEnumerable<Figure> Draw(SweepView view, string dir)
    {
        foreach (var init in view.Inits)
            foreach (var final in new[] { false, true })
            {
                if (final && view.Representatives().All(r => r.Key.Steps == 0)) continue;
                var plot = new Plot();
                var depth = 0;
                for (var a = 0; a < view.Activations.Count; a++)
                {
                    if (view.Representative(view.Activations[a], init) is not { } run) continue;
                    var step = final ? view.Steps(run.Key)[^1] : 0;
                    var layers = view.Layers(run.Key, step);
                    var line = plot.Add.Scatter(
                        layers.Select(l => (double)l.Layer).ToArray(), layers.Select(l => PlotStyle.Log10(l.GradMeanAbs)).ToArray());
                    line.LegendText = view.Activations[a];
                    line.Color = PlotStyle.ColorOf(a);
                    line.LineWidth = 2;
                    line.MarkerSize = 6;
                    depth = System.Math.Max(depth, run.Key.Depth);
                }
                var moment = final ? "after training" : "at initialisation";
                plot.Title($"mean |dC/dW| by layer {moment}: {init}, depth {depth}");
                plot.XLabel("layer (0 = input, last = output)");
                PlotStyle.IntegerAxis(plot.Axes.Bottom);
                plot.YLabel("mean |dC/dW| (log scale)");
                PlotStyle.LogLeftAxis(plot);
                plot.ShowLegend(Edge.Right);
                var name = $"grad_by_layer_{PlotStyle.Slug(init)}_{(final ? "final" : "init")}.png";
                yield return new Figure(PlotStyle.Save(plot, dir, name),
                    $"Mean |∂C/∂W| per layer {moment}, {init}, deepest network of the sweep: a line falling towards layer 0 is a vanishing gradient.");
            }
    }
}
