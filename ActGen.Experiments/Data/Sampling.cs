using System;

namespace ActGen.Experiments.Data;

/// <summary>Seeded random helpers shared by the synthetic generators.</summary>
internal static class Sampling
{
    /// <summary>A standard normal draw (Box–Muller on two uniforms of <paramref name="rng"/>).</summary>
    public static double Normal(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble(); // (0, 1]: keeps Log finite
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary><paramref name="count"/> evenly spaced values from <paramref name="start"/>; the end is included when <paramref name="endpoint"/>.</summary>
    public static double[] Linspace(double start, double stop, int count, bool endpoint)
    {
        var values = new double[count];
        var intervals = endpoint ? count - 1 : count;
        var step = intervals > 0 ? (stop - start) / intervals : 0.0;
        for (var i = 0; i < count; i++) values[i] = start + i * step;
        return values;
    }

    /// <summary>A seeded Fisher–Yates permutation of 0..n-1.</summary>
    public static int[] Permutation(int n, Random rng)
    {
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        for (var i = n - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>Rows of (x, y, label) shuffled by <paramref name="rng"/>, with Gaussian noise of std <paramref name="noise"/> on both coordinates.</summary>
    public static Dataset ShuffledWithNoise(
        string name, double[] xs, double[] ys, int[] labels, int classCount, double noise, Random rng)
    {
        var order = Permutation(labels.Length, rng);
        var features = new float[labels.Length * 2];
        var shuffled = new int[labels.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var k = order[i];
            features[2 * i] = (float)(xs[k] + noise * Normal(rng));
            features[2 * i + 1] = (float)(ys[k] + noise * Normal(rng));
            shuffled[i] = labels[k];
        }
        return new Dataset(name, features, shuffled, 2, classCount).Validated();
    }
}
