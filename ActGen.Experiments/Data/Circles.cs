using System;

namespace ActGen.Experiments.Data;

/// <summary>Two concentric circles, like scikit-learn's <c>make_circles</c>.</summary>
public static class Circles
{
    /// <summary>
    /// <paramref name="n"/> points: ⌊n/2⌋ on the unit circle (label 0) and the rest on a circle of
    /// radius <paramref name="factor"/> (label 1), shuffled, plus Gaussian noise of std <paramref name="noise"/>.
    /// </summary>
    public static Dataset Generate(int n, double noise, double factor, int seed)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "need at least two points");
        if (factor is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(factor), factor, "factor must lie in [0, 1)");
        var nOut = n / 2;
        var nIn = n - nOut;
        var outer = Sampling.Linspace(0, 2 * Math.PI, nOut, endpoint: false);
        var inner = Sampling.Linspace(0, 2 * Math.PI, nIn, endpoint: false);
        var xs = new double[n];
        var ys = new double[n];
        var labels = new int[n];
        for (var i = 0; i < nOut; i++) (xs[i], ys[i], labels[i]) = (Math.Cos(outer[i]), Math.Sin(outer[i]), 0);
        for (var i = 0; i < nIn; i++)
            (xs[nOut + i], ys[nOut + i], labels[nOut + i]) = (factor * Math.Cos(inner[i]), factor * Math.Sin(inner[i]), 1);
        return Sampling.ShuffledWithNoise("circles", xs, ys, labels, 2, noise, new Random(seed));
    }
}
