using System.Collections.Generic;
using System.Linq;
using ScottPlot;

namespace ActGen.Experiments.Reporting;

/// <summary>
/// A layer × step heat map of log10 mean |∂C/∂W| for each activation × init's deepest run: the output layer
/// on top, the input layer at the bottom, training steps left to right.
/// </summary>
public static class GradientHeatmap
{
    public static IEnumerable<Figure> Draw(SweepView view, string dir)
    {
        foreach (var run in view.Representatives())
        {
            var steps = view.Steps(run.Key);
            var layerCount = run.Key.Depth + 1;
            var cells = new double[layerCount, steps.Count];
            for (var s = 0; s < steps.Count; s++)
                foreach (var row in view.Layers(run.Key, steps[s]))
                    cells[layerCount - 1 - row.Layer, s] = PlotStyle.Log10(row.GradMeanAbs);   // row 0 is drawn on top
            if (!PlotStyle.AnyFinite(cells.Cast<double>()))
            {
                yield return Figure.NotDrawn($"heat map for {run.Key.Activation} with {run.Key.Init}",
                    "no layer has a positive finite mean |∂C/∂W| at any step (all zero, NaN or infinite)");
                continue;
            }
            var plot = new Plot();
            var map = plot.Add.Heatmap(cells);
            map.Colormap = new ScottPlot.Colormaps.Viridis();
            // The extent runs from the first cell's centre to the last one's: layers sit on whole numbers.
            map.Extent = new CoordinateRect(steps[0], steps.Count > 1 ? steps[^1] : 1, 0, layerCount - 1);
            var bar = plot.Add.ColorBar(map);
            bar.Label = "log10 mean |dC/dW|";
            plot.Title($"log10 mean |dC/dW|: {run.Key.Activation}, {run.Key.Init}, depth {run.Key.Depth}");
            plot.XLabel("step");
            plot.YLabel("layer (0 = input)");
            PlotStyle.IntegerAxis(plot.Axes.Left);
            var name = $"heatmap_{PlotStyle.Slug(run.Key.Activation)}_{PlotStyle.Slug(run.Key.Init)}.png";
            yield return new Figure(PlotStyle.Save(plot, dir, name),
                $"log10 mean |∂C/∂W| by layer (rows) and step (columns), {run.Key.Activation} with {run.Key.Init}.");
        }
    }
}
