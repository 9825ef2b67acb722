using System;

namespace ActGen.Experiments.Data;

/// <summary>Interleaved spiral arms, one per class (the CS231n toy problem).</summary>
public static class Spirals
{
    /// <summary>
    /// <paramref name="n"/> points split evenly over <paramref name="classes"/> arms. Arm k has radius r
    /// running 0…1 and angle 4k…4(k+1) radians plus angular noise (std <paramref name="noise"/>·2)
    /// and Gaussian noise of std <paramref name="noise"/>/10 on both coordinates.
    /// </summary>
    public static Dataset Generate(int n, double noise, int seed, int classes = 2)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "need at least two arms");
        if (n < classes) throw new ArgumentOutOfRangeException(nameof(n), n, "need at least one point per arm");
        var rng = new Random(seed);
        var xs = new double[n];
        var ys = new double[n];
        var labels = new int[n];
        var index = 0;
        for (var k = 0; k < classes; k++)
        {
            var count = n / classes + (k < n % classes ? 1 : 0);
            var radii = Sampling.Linspace(0, 1, count, endpoint: true);
            var angles = Sampling.Linspace(4.0 * k, 4.0 * (k + 1), count, endpoint: true);
            for (var i = 0; i < count; i++, index++)
            {
                var t = angles[i] + 2 * noise * Sampling.Normal(rng);
                (xs[index], ys[index], labels[index]) = (radii[i] * Math.Sin(t), radii[i] * Math.Cos(t), k);
            }
        }
        return Sampling.ShuffledWithNoise("spirals", xs, ys, labels, classes, noise / 10, rng);
    }
}
