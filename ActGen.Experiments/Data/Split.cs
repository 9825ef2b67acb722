using System;

namespace ActGen.Experiments.Data;

/// <summary>A training set and a held-out test set.</summary>
public sealed record Split(Dataset Train, Dataset Test)
{
    /// <summary>
    /// Shuffles the rows of <paramref name="data"/> with <paramref name="seed"/> and holds out
    /// round(<paramref name="testFraction"/>·n) of them (at least one row on each side).
    /// </summary>
    public static Split Of(Dataset data, double testFraction, int seed)
    {
        if (data.Count < 2) throw new ArgumentException("need at least two rows to split", nameof(data));
        if (testFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "must lie in (0, 1)");
        var testCount = Math.Clamp((int)Math.Round(testFraction * data.Count), 1, data.Count - 1);
        var order = Sampling.Permutation(data.Count, new Random(seed));
        return new Split(
            Take(data, order.AsSpan(testCount), data.Name + "/train"),
            Take(data, order.AsSpan(0, testCount), data.Name + "/test"));
    }

    /// <summary>The rows of <paramref name="data"/> at <paramref name="rows"/>, in that order.</summary>
    public static Dataset Take(Dataset data, ReadOnlySpan<int> rows, string name)
    {
        var width = data.FeatureCount;
        var features = new float[rows.Length * width];
        var labels = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            data.Row(rows[i]).CopyTo(features.AsSpan(i * width, width));
            labels[i] = data.Labels[rows[i]];
        }
        return new Dataset(name, features, labels, width, data.ClassCount);
    }
}
