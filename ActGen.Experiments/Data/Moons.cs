using System;

namespace ActGen.Experiments.Data;

/// <summary>Two interleaving half circles, like scikit-learn's <c>make_moons</c>.</summary>
public static class Moons
{
    /// <summary>⌊n/2⌋ points on the upper moon (label 0), the rest on the lower one (label 1), shuffled, with noise.</summary>
    public static Dataset Generate(int n, double noise, int seed)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "need at least two points");
        var nOut = n / 2;
        var nIn = n - nOut;
        var outer = Sampling.Linspace(0, Math.PI, nOut, endpoint: true);
        var inner = Sampling.Linspace(0, Math.PI, nIn, endpoint: true);
        var xs = new double[n];
        var ys = new double[n];
        var labels = new int[n];
        for (var i = 0; i < nOut; i++) (xs[i], ys[i], labels[i]) = (Math.Cos(outer[i]), Math.Sin(outer[i]), 0);
        for (var i = 0; i < nIn; i++)
            (xs[nOut + i], ys[nOut + i], labels[nOut + i]) = (1 - Math.Cos(inner[i]), 0.5 - Math.Sin(inner[i]), 1);
        return Sampling.ShuffledWithNoise("moons", xs, ys, labels, 2, noise, new Random(seed));
    }
}
