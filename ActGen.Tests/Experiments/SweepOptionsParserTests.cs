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
    public void PresetsFollowTheOriginalCode()
    {
        var mnist = Ok(new RawSweepArgs(Preset: "adventures-mnist"));
        Assert.Equal(DatasetKind.Mnist, mnist.Data.Kind);
        Assert.Equal([5], mnist.Depths);
        Assert.Equal((10, HeadKind.Softmax), (mnist.Width, mnist.Head));
        Assert.Equal((OptimizerKind.Adam, 1e-3), (mnist.Optimizer, mnist.Lr));
        Assert.Equal<Init>([new GlorotInit(WeightDistribution.Uniform)], mnist.Inits);
        Assert.Equal((new Steps(2500), 30, 200, MeasureOn.CurrentBatch), (mnist.Length, mnist.Batch, mnist.LogEvery, mnist.MeasureOn));
        Assert.Equal(["Sigmoid", "Relu", "LeakyRelu(negativeSlope=0.2)"], mnist.Activations);
        Assert.True(mnist.Seeds.Count >= 3);

        var circles = Ok(new RawSweepArgs(Preset: "MLM_Circles"));
        Assert.Equal([4], circles.Depths);
        Assert.Equal((5, HeadKind.SigmoidBce), (circles.Width, circles.Head));
        Assert.Equal(["Sigmoid", "Tanh", "Relu"], circles.Activations);
        Assert.Equal(new DataSpec(DatasetKind.Circles, 1000, 0.1, 0.5, 0), circles.Data);
        Assert.Equal<Init>([new NormalInit(1.0)], circles.Inits);
        Assert.Equal((OptimizerKind.Rmsprop, 1e-3, new Epochs(100), 32), (circles.Optimizer, circles.Lr, circles.Length, circles.Batch));
        Assert.Equal(32, circles.LogEvery);   // ⌈1000 / 32⌉ steps: once per epoch, on its first batch
        Assert.Equal(MeasureOn.CurrentBatch, circles.MeasureOn);
        Assert.True(circles.Seeds.Count >= 3);
    }

    [Fact]
    public void DataOptionsSetNoiseFactorAndTheTestFraction()
    {
        var o = Ok(new RawSweepArgs(Noise: "0.2", Factor: "0.8", Samples: "500", TestFraction: "0", MeasureOn: "current-batch"));
        Assert.Equal(new DataSpec(DatasetKind.Circles, 500, 0.2, 0.8, 0), o.Data);
        Assert.Equal(MeasureOn.CurrentBatch, o.MeasureOn);
        Assert.Equal("--factor: '1.5' is not a number in (0, 1).", SingleError(new RawSweepArgs(Factor: "1.5")));
        Assert.Equal("--noise: '-1' is not a number ≥ 0.", SingleError(new RawSweepArgs(Noise: "-1")));
        Assert.Equal("--factor: only the circles data set has an inner radius.", SingleError(new RawSweepArgs(Dataset: "moons", Factor: "0.5")));
    }

    [Fact]
    public void AbsurdSizesAreRefusedWithAnEstimate()
    {
        var depths = SingleError(new RawSweepArgs(Depths: "1-2000000000"));
        Assert.Equal("--depths: '1-2000000000' names 2000000000 values, i.e. that many runs for every other combination; " +
                     "a sweep takes at most 10000.", depths);
        var width = SweepOptionsParser.Parse(new RawSweepArgs(Width: "1000000"), Names, memoryBudget: 64.0 * (1L << 30));
        var message = Assert.Single(width.Errors);
        Assert.StartsWith("--depths, --width: the largest network (32 hidden layers of 1000000 units) holds 3.1e+13 weights " +
                          "and would need about 225.6 TiB", message);
        Assert.EndsWith("this process can plan for 64 GiB. Lower --width or --depths.", message);
        Assert.True(SweepOptionsParser.Parse(new RawSweepArgs(Width: "1000"), Names, memoryBudget: 64.0 * (1L << 30)).IsValid);
    }

    [Fact]
    public void ShardsComeFromTheArgumentOrTheSchedulersEnvironment()
    {
        static Validated<SweepOptions> With(string shard, params (string, string)[] env) =>
            SweepOptionsParser.Parse(new RawSweepArgs(Shard: shard), Names, name => env.FirstOrDefault(e => e.Item1 == name).Item2);
        Assert.Equal(new ActGen.Experiments.Results.Shard(2, 5), With("2/5").Value!.Shard);
        Assert.Equal(new ActGen.Experiments.Results.Shard(3, 4),
            With("env", ("SLURM_ARRAY_TASK_ID", "4"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "4")).Value!.Shard);
        Assert.Equal(new ActGen.Experiments.Results.Shard(1, 3), With("env/3", ("JOB_COMPLETION_INDEX", "1")).Value!.Shard);
        Assert.Equal(new ActGen.Experiments.Results.Shard(0, 2), With("env", ("JOB_COMPLETION_INDEX", "0"), ("ACTGEN_SHARD_COUNT", "2")).Value!.Shard);
        Assert.Contains("the index must run from 0 to the count − 1", Assert.Single(With("5/5").Errors));
        Assert.Contains("neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set", Assert.Single(With("env").Errors));
        Assert.Contains("ACTGEN_SHARD_COUNT is not set", Assert.Single(With("env", ("JOB_COMPLETION_INDEX", "0")).Errors));
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
