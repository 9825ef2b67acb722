using System;

namespace ActGen.Experiments.Data;

/// <summary>
/// A labelled data set as plain arrays: <see cref="Features"/> is row-major
/// (<see cref="Count"/> rows of <see cref="FeatureCount"/> values), <see cref="Labels"/>
/// holds one class index per row in <c>[0, ClassCount)</c>.
/// </summary>
public sealed record Dataset(string Name, float[] Features, int[] Labels, int FeatureCount, int ClassCount)
{
    public int Count => Labels.Length;

    /// <summary>The features of row <paramref name="i"/>.</summary>
    public ReadOnlySpan<float> Row(int i) => Features.AsSpan(i * FeatureCount, FeatureCount);

    /// <summary>Checks the shape invariants; throws when an internal producer broke them.</summary>
    public Dataset Validated()
    {
        if (FeatureCount <= 0 || ClassCount <= 0)
            throw new InvalidOperationException($"{Name}: feature and class counts must be positive.");
        if (Features.Length != Labels.Length * FeatureCount)
            throw new InvalidOperationException(
                $"{Name}: {Features.Length} feature values do not make {Labels.Length} rows of {FeatureCount}.");
        foreach (var label in Labels)
            if (label < 0 || label >= ClassCount)
                throw new InvalidOperationException($"{Name}: label {label} outside [0, {ClassCount}).");
        return this;
    }
}
