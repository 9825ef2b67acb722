using System.Collections.Generic;
using System.Linq;
using ScottPlot;

namespace ActGen.Experiments.Reporting;

/// <summary>
/// Measured decay per layer at initialisation against depth (markers, mean over seeds), beside the
/// mean-field prediction (dashed, same colour), one plot per init.
/// </summary>
public static class DecayVsDepthPlot
{
    public static IEnumerable<Figure> Draw(SweepView view, string dir)
    {
        var depths = view.Depths;
        foreach (var init in view.Inits)
        {
            var plot = new Plot();
            for (var a = 0; a < view.Activations.Count; a++)
            {
                var runs = view.Of(view.Activations[a], init).ToArray();
                if (runs.Length == 0) continue;
                var byDepth = runs.GroupBy(r => r.Key.Depth).OrderBy(g => g.Key)
                    .Select(g => (Depth: (double)g.Key, Decay: g.Select(r => r.DecayPerLayer).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average()))
                    .ToArray();
                var measured = plot.Add.Scatter(byDepth.Select(p => p.Depth).ToArray(), byDepth.Select(p => p.Decay).ToArray());
                measured.LegendText = view.Activations[a];
                measured.Color = PlotStyle.ColorOf(a);
                measured.LineWidth = 1.5f;
                measured.MarkerSize = 7;
                var finite = runs.GroupBy(r => r.Key.Depth).OrderBy(g => g.Key).Select(g => g.First()).ToArray();
                var depthAware = plot.Add.Scatter(finite.Select(r => (double)r.Key.Depth).ToArray(), finite.Select(r => r.PredictedDecayFiniteDepth).ToArray());
                depthAware.Color = PlotStyle.ColorOf(a);
                depthAware.LinePattern = LinePattern.Dotted;
                depthAware.MarkerShape = MarkerShape.OpenCircle;
                depthAware.MarkerSize = 5;
                depthAware.LineWidth = 1;
                var predicted = runs[0].PredictedDecayPerLayer;
                if (!double.IsFinite(predicted)) continue;
                var line = plot.Add.Scatter(new double[] { depths[0], depths[^1] }, new[] { predicted, predicted });
                line.Color = PlotStyle.ColorOf(a);
                line.LinePattern = LinePattern.Dashed;
                line.MarkerSize = 0;
                line.LineWidth = 1.5f;
            }
            plot.Title($"decay per layer at init vs depth: {init}");
            plot.XLabel("hidden layers");
            PlotStyle.IntegerAxis(plot.Axes.Bottom);
            plot.YLabel("decades per layer (positive = vanishing)");
            plot.Add.Annotation("markers: measured   dashed: theory at q*   dotted: theory for this depth", Alignment.UpperRight);
            plot.ShowLegend(Edge.Right);
            var name = $"decay_vs_depth_{PlotStyle.Slug(init)}.png";
            yield return new Figure(PlotStyle.Save(plot, dir, name),
                $"Fitted decay of log10 mean |∂C/∂W| per layer at initialisation ({init}), measured (markers) and predicted by mean-field theory at the fixed point q* (dashed) and propagated through a network of that depth (dotted, open circles).");
        }
    }
}
