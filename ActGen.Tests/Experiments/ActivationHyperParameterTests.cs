using System;
using System.IO;
using System.Linq;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Training;
using Xunit;

namespace ActGen.Tests.Experiments;

/// <summary><c>--activations leaky-relu(negativeSlope=0.2)</c>: the value reaches φ, φ′ and the module; a wrong name is refused.</summary>
public class ActivationHyperParameterTests
{
    [Fact]
    public void AHyperParameterReachesTheFunctionItsDerivativeAndTheModule()
    {
        var parsed = SweepOptionsParser.Parse(new RawSweepArgs(Activations: "leaky-relu(negativeSlope=0.2),relu"), ActivationCatalog.Names());
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Errors));
        Assert.Equal(["LeakyRelu(negativeSlope=0.2)", "Relu"], parsed.Value!.Activations);

        var leaky = ActivationResolver.Resolve("LeakyRelu(negativeSlope=0.2)", ActivationCatalog.Get);
        Assert.Equal(-0.6, leaky.Apply(-3), 15);
        Assert.Equal(0.2, leaky.ApplyDerivative(-3), 15);
        Assert.Equal(-0.03, ActivationCatalog.Get("LeakyRelu").Apply(-3), 15);   // the registry's own is untouched
        ActGen.TorchSetup.EnsureLoaded();
        using var x = TorchSharp.torch.tensor(new[] { -3.0, 2.0 });
        Assert.Equal([-0.6, 2.0], leaky.CreateModule!().call(x).data<double>().ToArray(), (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void AnUnknownHyperParameterOrABadValueIsRefusedByName()
    {
        var e = Assert.Throws<ArgumentException>(() => ActivationResolver.Resolve("LeakyRelu(alpha=1)", ActivationCatalog.Get));
        Assert.StartsWith("--activations: LeakyRelu has no hyper-parameter 'alpha'. Its hyper-parameters: negativeSlope.", e.Message);
        var bad = SweepOptionsParser.Parse(new RawSweepArgs(Activations: "elu(alpha=one)"), ActivationCatalog.Names());
        Assert.Equal("--activations: 'alpha=one' in 'elu(alpha=one)' is not name=number; write e.g. leaky-relu(negativeSlope=0.2).",
            Assert.Single(bad.Errors));

        var dir = Directory.CreateTempSubdirectory("actgen-hyper-").FullName;
        try
        {
            var options = SweepOptionsParser.Parse(new RawSweepArgs(Activations: "elu(beta=2)", Steps: "0", Depths: "1", Out: dir),
                ActivationCatalog.Names()).Value!;
            var error = new StringWriter();
            Assert.Equal(2, SweepRunner.FromRegistry.Run(options, new StringWriter(), error, default));
            Assert.Equal("--activations: Elu has no hyper-parameter 'beta'. Its hyper-parameters: alpha.", error.ToString().Trim());
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
