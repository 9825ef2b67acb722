using System.Linq;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Theory;
using Xunit;

namespace ActGen.Tests.Experiments;

public class SweepOptionsParserTests
{
    private static readonly string[] Names = ["Sigmoid", "Tanh", "Relu", "LeakyRelu", "Elu", "Selu", "Gelu", "MySwish"];

    private static SweepOptions Ok(RawSweepArgs raw)
    {
        var parsed = SweepOptionsParser.Parse(raw, Names);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Errors));
        return parsed.Value!;
    }

    private static string SingleError(RawSweepArgs raw)
    {
        var parsed = SweepOptionsParser.Parse(raw, Names);
        Assert.Null(parsed.Value);
        return Assert.Single(parsed.Errors);
    }

    [Fact]
    public void DefaultPresetIsTheDepthScanOnCircles()
    {
        var o = Ok(new RawSweepArgs());
        Assert.Equal("default", o.Preset);
        Assert.Equal([1, 2, 3, 4, 6, 8, 12, 16, 24, 32], o.Depths);
        Assert.Equal(["Sigmoid", "Tanh", "Relu", "LeakyRelu", "Elu", "Selu", "Gelu"], o.Activations);
        Assert.Equal(["glorot-normal", "he-normal"], o.Inits.Select(i => i.Name));
        Assert.Equal(DatasetKind.Circles, o.Data.Kind);
        Assert.Equal(7 * 2 * 10, o.RunCount);
        Assert.Equal(System.IO.Path.Combine("runs", "default"), o.Out);
    }

    [Fact]
    public void PresetsFollowTheClassicDemonstrations()
    {
        var mnist = Ok(new RawSweepArgs(Preset: "adventures-mnist"));
        Assert.Equal(DatasetKind.Mnist, mnist.Data.Kind);
        Assert.Equal([5], mnist.Depths);
        Assert.Equal(10, mnist.Width);
        Assert.Equal(OptimizerKind.Adam, mnist.Optimizer);
        Assert.Equal(["Sigmoid", "Relu", "LeakyRelu"], mnist.Activations);

        var circles = Ok(new RawSweepArgs(Preset: "MLM_Circles"));
        Assert.Equal([4], circles.Depths);
        Assert.Equal(5, circles.Width);
        Assert.Equal(HeadKind.SigmoidBce, circles.Head);
        Assert.Equal(["Sigmoid", "Tanh", "Relu"], circles.Activations);
        Assert.Equal(0.8, circles.Data.Factor);
    }

    [Fact]
    public void GivenOptionsOverrideThePreset()
    {
        var o = Ok(new RawSweepArgs(
            Preset: "mlm-circles", Activations: "relu, leaky-relu,myswish", Init: "uniform(0.05),orthogonal", Depths: "2-8:2",
            Width: "16", Dataset: "spirals", Optimizer: "ADAM", Lr: "1e-3", Steps: "0", Batch: "7", Seeds: "1-3",
            LogEvery: "5", Device: "cpu", Out: "o", Quiet: true));
        Assert.Equal(["Relu", "LeakyRelu", "MySwish"], o.Activations);
        Assert.Equal<Init>([new UniformInit(0.05), new OrthogonalInit()], o.Inits);
        Assert.Equal([2, 4, 6, 8], o.Depths);
        Assert.Equal((16, 7, 5), (o.Width, o.Batch, o.LogEvery));
        Assert.Equal(DatasetKind.Spirals, o.Data.Kind);
        Assert.Equal((OptimizerKind.Adam, 1e-3, DeviceKind.Cpu), (o.Optimizer, o.Lr, o.Device));
        Assert.Equal(new Steps(0), o.Length);
        Assert.Equal([1, 2, 3], o.Seeds);
        Assert.Equal(("o", true), (o.Out, o.Quiet));
        Assert.Equal(HeadKind.SigmoidBce, o.Head);
    }

    [Fact]
    public void EpochsBecomeStepsFromTheTrainingSetSize()
    {
        var o = Ok(new RawSweepArgs(Epochs: "3", Batch: "32"));
        Assert.Equal(new Epochs(3), o.Length);
        Assert.Equal(3 * 4, o.Length.StepsFor(100, 32));
    }

    [Theory]
    [InlineData("--dataset", "'foo'", "circles, moons, spirals, mnist")]
    [InlineData("--optimizer", "'adagrad'", "sgd, adam, rmsprop")]
    [InlineData("--device", "'tpu'", "auto, cpu, cuda")]
    [InlineData("--preset", "'fast'", "default, adventures-mnist, mlm-circles")]
    [InlineData("--activations", "'swishy'", "Sigmoid, Tanh, Relu")]
    [InlineData("--init", "'he'", "he-uniform, he-normal")]
    public void BadChoicesNameTheOptionAndTheValidChoices(string option, string value, string choices)
    {
        var raw = option switch
        {
            "--dataset" => new RawSweepArgs(Dataset: "foo"),
            "--optimizer" => new RawSweepArgs(Optimizer: "adagrad"),
            "--device" => new RawSweepArgs(Device: "tpu"),
            "--preset" => new RawSweepArgs(Preset: "fast"),
            "--activations" => new RawSweepArgs(Activations: "relu,swishy"),
            _ => new RawSweepArgs(Init: "he"),
        };
        var error = SingleError(raw);
        Assert.StartsWith(option + ":", error);
        Assert.Contains(value, error);
        Assert.Contains(choices, error);
    }

    [Theory]
    [InlineData("--width", "0")]
    [InlineData("--batch", "x")]
    [InlineData("--lr", "-1")]
    [InlineData("--depths", "0-3")]
    [InlineData("--seeds", "1-")]
    [InlineData("--steps", "-5")]
    public void BadNumbersNameTheOption(string option, string value)
    {
        var raw = option switch
        {
            "--width" => new RawSweepArgs(Width: value),
            "--batch" => new RawSweepArgs(Batch: value),
            "--lr" => new RawSweepArgs(Lr: value),
            "--depths" => new RawSweepArgs(Depths: value),
            "--seeds" => new RawSweepArgs(Seeds: value),
            _ => new RawSweepArgs(Steps: value),
        };
        var error = SingleError(raw);
        Assert.StartsWith(option + ":", error);
        Assert.Contains($"'{value}'", error);
    }

    [Fact]
    public void AllErrorsAreReportedTogether()
    {
        var parsed = SweepOptionsParser.Parse(new RawSweepArgs(Dataset: "x", Width: "y", Steps: "1", Epochs: "1"), Names);
        Assert.Equal(3, parsed.Errors.Count);
    }

    [Fact]
    public void APresetActivationMissingFromTheRegistryIsReported()
    {
        var parsed = SweepOptionsParser.Parse(new RawSweepArgs(), ["Relu"]);
        Assert.Contains(parsed.Errors, e => e.StartsWith("--preset default: 'sigmoid'") && e.Contains("registry"));
    }
}
