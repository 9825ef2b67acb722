using System.IO;
using System.Linq;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Training;
using Xunit;

namespace ActGen.Tests.Experiments;

/// <summary>The command line against ActGen's real registry: catalog names in any spelling, and unknown names refused.</summary>
public class RegistryCliTests
{
    private static readonly string[] Catalog =
    [
        "Sigmoid", "Tanh", "Relu", "LeakyRelu", "PRelu", "RRelu", "Elu", "Selu", "Celu", "Gelu", "GeluTanh", "Silu", "Swish",
        "Mish", "Softplus", "Relu6", "HardSigmoid", "HardSwish", "HardTanh", "Softsign", "LogSigmoid",
    ];

    private static (int Code, string Out, string Err, SweepOptions? Ran) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        SweepOptions? ran = null;
        var code = CommandLine.Run(args, ActivationCatalog.Names(), (o, _, _) => { ran = o; return 0; }, output, error);
        return (code, output.ToString(), error.ToString(), ran);
    }

    [Fact]
    public void EveryCatalogActivationIsListedAndBuildsAModule()
    {
        Assert.Subset(ActivationCatalog.Names().ToHashSet(), Catalog.ToHashSet());
        var (code, output, _, _) = Run("list");
        Assert.Equal(0, code);
        Assert.All(Catalog, name => Assert.Contains($"  {name}\n", output.Replace("\r", "")));
        ActGen.TorchSetup.EnsureLoaded();
        Assert.All(Catalog, name => Assert.NotNull(ActivationCatalog.Get(name).CreateModule!()));
    }

    [Fact]
    public void ActivationsDeclaredInTheExperimentsAssemblyAreSweepable()
    {
        var (code, _, _, ran) = Run("sweep", "--activations", "squareplus,bipolar-sigmoid,relu", "--steps", "0");
        Assert.Equal(0, code);
        Assert.NotNull(ran);
        var squareplus = ActivationCatalog.Get("squareplus");
        Assert.Equal(0.5 * (1.5 + System.Math.Sqrt(1.5 * 1.5 + 4)), squareplus.Apply(1.5), 15);
        ActGen.TorchSetup.EnsureLoaded();
        using var x = TorchSharp.torch.tensor(new[] { -2.0, 0.0, 3.0 });
        var module = ActivationCatalog.Get("BipolarSigmoid").CreateModule!();
        var y = module.call(x).data<double>().ToArray();
        Assert.Equal(new[] { System.Math.Tanh(-1.0), 0.0, System.Math.Tanh(1.5) }, y, (a, b) => System.Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void RegistryNamesAreAcceptedInAnySpelling()
    {
        var (code, _, err, ran) = Run("sweep", "--activations", "leaky-relu,GELU,gelu_tanh,prelu", "--out", "x");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Equal(["LeakyRelu", "Gelu", "GeluTanh", "PRelu"], ran!.Activations);
    }

    [Fact]
    public void EveryPresetNamesOnlyRegisteredActivations()
    {
        foreach (var preset in Preset.All)
        {
            var (code, _, err, ran) = Run("sweep", "--preset", preset.Name);
            Assert.True(code == 0, err);
            Assert.Equal(preset.Activations.Count, ran!.Activations.Count);
        }
    }

    [Fact]
    public void AnUnknownActivationGetsAClearErrorAndRunsNothing()
    {
        var (code, _, err, ran) = Run("sweep", "--activations", "relu,swishy");
        Assert.NotEqual(0, code);
        Assert.Null(ran);
        Assert.Contains("--activations: 'swishy' is not a valid choice. Valid choices: ", err);
        Assert.Contains("LeakyRelu", err);
    }
}
