using System;
using System.Linq;
using ActGen.Experiments.Data;
using Xunit;

namespace ActGen.Tests.Experiments;

public class SyntheticDataTests
{
    private static double Radius(Dataset d, int i) => Math.Sqrt(d.Row(i)[0] * d.Row(i)[0] + d.Row(i)[1] * d.Row(i)[1]);

    [Fact]
    public void NoiselessCirclesLieOnTheirRadii()
    {
        var d = Circles.Generate(101, noise: 0, factor: 0.3, seed: 7);
        Assert.Equal(101, d.Count);
        Assert.Equal(2, d.FeatureCount);
        Assert.Equal(50, d.Labels.Count(l => l == 0));
        Assert.Equal(51, d.Labels.Count(l => l == 1));
        for (var i = 0; i < d.Count; i++)
            Assert.Equal(d.Labels[i] == 0 ? 1.0 : 0.3, Radius(d, i), 5);
    }

    [Fact]
    public void NoisyCirclesScatterAroundTheirRadiiWithTheGivenStd()
    {
        var d = Circles.Generate(4000, noise: 0.05, factor: 0.5, seed: 1);
        var outer = Enumerable.Range(0, d.Count).Where(i => d.Labels[i] == 0).Select(i => Radius(d, i) - 1).ToArray();
        var std = Math.Sqrt(outer.Select(r => r * r).Average());
        Assert.InRange(outer.Average(), -0.01, 0.01);
        Assert.InRange(std, 0.045, 0.055); // radial component of isotropic noise has the same std
    }

    [Fact]
    public void GeneratorsAreDeterministicInTheSeed()
    {
        Assert.Equal(Circles.Generate(50, 0.1, 0.5, 3).Features, Circles.Generate(50, 0.1, 0.5, 3).Features);
        Assert.NotEqual(Circles.Generate(50, 0.1, 0.5, 3).Features, Circles.Generate(50, 0.1, 0.5, 4).Features);
        Assert.Equal(Moons.Generate(50, 0.1, 3).Labels, Moons.Generate(50, 0.1, 3).Labels);
        Assert.Equal(Spirals.Generate(50, 0.1, 3).Features, Spirals.Generate(50, 0.1, 3).Features);
    }

    [Fact]
    public void NoiselessMoonsFollowSklearnsHalfCircles()
    {
        var d = Moons.Generate(200, noise: 0, seed: 2);
        for (var i = 0; i < d.Count; i++)
        {
            var (x, y) = (d.Row(i)[0], d.Row(i)[1]);
            if (d.Labels[i] == 0) { Assert.Equal(1.0, Math.Sqrt(x * x + y * y), 5); Assert.True(y >= -1e-6); }
            else { Assert.Equal(1.0, Math.Sqrt((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5)), 5); Assert.True(y <= 0.5 + 1e-6); }
        }
    }

    [Fact]
    public void SpiralsHaveOneArmPerClassWithRadiiUpToOne()
    {
        var d = Spirals.Generate(300, noise: 0.1, seed: 5, classes: 3);
        Assert.Equal(3, d.ClassCount);
        Assert.All(Enumerable.Range(0, 3), k => Assert.Equal(100, d.Labels.Count(l => l == k)));
        Assert.All(Enumerable.Range(0, d.Count), i => Assert.InRange(Radius(d, i), 0, 1.1));
    }

    [Fact]
    public void SplitPartitionsTheRowsWithoutLosingAny()
    {
        var d = Circles.Generate(100, 0.1, 0.5, 9);
        var split = Split.Of(d, 0.25, seed: 11);
        Assert.Equal(25, split.Test.Count);
        Assert.Equal(75, split.Train.Count);
        var rows = split.Train.Features.Chunk(2).Concat(split.Test.Features.Chunk(2))
            .Select(r => (r[0], r[1])).OrderBy(p => p).ToArray();
        var original = d.Features.Chunk(2).Select(r => (r[0], r[1])).OrderBy(p => p).ToArray();
        Assert.Equal(original, rows);
        Assert.Equal(d.Labels.Sum(), split.Train.Labels.Sum() + split.Test.Labels.Sum());
        Assert.Equal(split.Test.Features, Split.Of(d, 0.25, seed: 11).Test.Features);
    }
}
