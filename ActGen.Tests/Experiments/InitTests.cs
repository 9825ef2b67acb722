using ActGen.Experiments.Theory;
using Xunit;

namespace ActGen.Tests.Experiments;

public class InitTests
{
    [Theory]
    [InlineData("pytorch-default", 100, 100, 1.0 / 3)]
    [InlineData("pytorch-default", 7, 300, 1.0 / 3)]
    [InlineData("glorot-uniform", 100, 100, 1.0)]
    [InlineData("glorot-normal", 100, 300, 0.5)]
    [InlineData("he-uniform", 100, 10, 2.0)]
    [InlineData("he-normal", 5, 5, 2.0)]
    [InlineData("lecun-normal", 50, 5, 1.0)]
    [InlineData("orthogonal", 64, 64, 1.0)]
    [InlineData("orthogonal", 32, 64, 0.5)]
    [InlineData("uniform(0.1)", 300, 10, 1.0)]
    [InlineData("normal(0.5)", 8, 8, 2.0)]
    [InlineData("Xavier_Uniform", 100, 100, 1.0)]
    [InlineData("kaiming-normal", 10, 10, 2.0)]
    public void SigmaW2IsFanInTimesWeightVariance(string name, int fanIn, int fanOut, double expected) =>
        Assert.Equal(expected, InitParser.TryParse(name)!.SigmaW2(fanIn, fanOut), 12);

    [Fact]
    public void PytorchDefaultHasTheDocumentedBoundsForWeightsAndBiases()
    {
        var init = new PytorchDefaultInit();
        Assert.Equal(0.1, init.UniformBound(100, 20), 12);       // 1/√fan_in
        Assert.Equal(1.0 / 300, init.BiasVariance(100), 12);    // U(−0.1, 0.1)
        Assert.Equal(0.0, new HeInit(WeightDistribution.Normal).BiasVariance(100));
    }

    [Theory]
    [InlineData("uniform(0.05)")]
    [InlineData("normal(2)")]
    [InlineData("he-normal")]
    [InlineData("orthogonal")]
    public void NamesRoundTrip(string name) => Assert.Equal(name, InitParser.TryParse(name)!.Name);

    [Theory]
    [InlineData("he")]
    [InlineData("uniform()")]
    [InlineData("uniform(-1)")]
    [InlineData("normal(abc)")]
    [InlineData("")]
    public void UnknownNamesAreRejected(string name) => Assert.Null(InitParser.TryParse(name));
}
