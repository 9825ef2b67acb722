using System;
using System.Collections.Generic;
using System.Linq;

namespace ActGen.Experiments.Results;

/// <summary>How fast gradients shrink from the output layer towards the input, in decades per layer.</summary>
public static class DecayFit
{
    /// <summary>
    /// −slope of the least-squares line through (distance from the output layer, log10 mean|∂C/∂W|), given
    /// <paramref name="gradMeanAbsByLayer"/> ordered from the input layer (0) to the output layer.
    /// Positive = vanishing towards the input, negative = exploding. NaN for fewer than two layers or when
    /// any layer's gradient is zero or not finite (the logarithm is then undefined).
    /// </summary>
    public static double DecayPerLayer(IReadOnlyList<double> gradMeanAbsByLayer)
    {
        var n = gradMeanAbsByLayer.Count;
        if (n < 2 || gradMeanAbsByLayer.Any(g => !(g > 0) || !double.IsFinite(g))) return double.NaN;
        var xs = Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray();
        var ys = gradMeanAbsByLayer.Select(Math.Log10).ToArray();
        return -Slope(xs, ys);
    }

    /// <summary>
    /// <see cref="DecayPerLayer"/> over the hidden layers only — every dense layer but the first (fan-in = the data's
    /// features) and the last (fan-out = the outputs), whose sizes differ from the width and bias a short fit.
    /// NaN below two hidden layers to fit, i.e. for networks of fewer than three hidden layers.
    /// </summary>
    public static double HiddenDecayPerLayer(IReadOnlyList<double> gradMeanAbsByLayer) =>
        gradMeanAbsByLayer.Count < 4 ? double.NaN : DecayPerLayer(gradMeanAbsByLayer.Skip(1).Take(gradMeanAbsByLayer.Count - 2).ToArray());

    /// <summary>mean|∂C/∂W| of the last (output) layer over the first (input) layer; NaN for an empty list.</summary>
    public static double GradRatioLastFirst(IReadOnlyList<double> gradMeanAbsByLayer) =>
        gradMeanAbsByLayer.Count == 0 ? double.NaN : gradMeanAbsByLayer[^1] / gradMeanAbsByLayer[0];

    /// <summary>The least-squares slope of ys against xs.</summary>
    public static double Slope(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var meanX = xs.Average();
        var meanY = ys.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < xs.Count; i++)
        {
            sxy += (xs[i] - meanX) * (ys[i] - meanY);
            sxx += (xs[i] - meanX) * (xs[i] - meanX);
        }
        return sxx == 0 ? double.NaN : sxy / sxx;
    }
}
