using System;
using System.Linq;
using ActGen.Benchmarks;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Bench;

/// <summary>
/// The bench compares like with like: every case's implementations compute the same function and gradient (float64),
/// its parameters are the registered definitions', and each step case builds modules that agree too.
/// </summary>
public sealed class BenchCatalogTests
{
    public static TheoryData<string> Cases() => new(BenchCatalog.Names.Where(n => n != "rrelu_train"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void ImplementationsAgreeInValueAndGradient(string name)
    {
        TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var c = BenchCatalog.Find(name)!;
        // Away from the kinks (±1, ±3, 0, 6), where the implementations may take different branches.
        var x = linspace(-7.9, 7.9, 801, dtype: ScalarType.Float64).requires_grad_(true);
        var results = c.Implementations(ScalarType.Float64).Select(impl =>
        {
            var y = impl.Apply(x);
            var g = autograd.grad([y], [x], [ones_like(y)])[0];
            return (impl.Name, Y: y.detach(), G: g);
        }).ToArray();
        var reference = results[0];
        Assert.Equal(ImplName.ActGen, reference.Name);
        foreach (var other in results.Skip(1))
        {
            Assert.True(allclose(other.Y, reference.Y, rtol: 1e-9, atol: 1e-12), $"{name} {other.Name}: values differ");
            Assert.True(allclose(other.G, reference.G, rtol: 1e-7, atol: 1e-10), $"{name} {other.Name}: gradients differ");
        }
    }

    [Fact]
    public void ParametersAreTheRegisteredDefaults()
    {
        var defaults = new Defaults();
        Assert.Equal([defaults.Of("LeakyRelu", "negativeSlope")], BenchCatalog.Find("leaky_relu")!.Parameters);
        Assert.Equal([defaults.Of("HardTanh", "minVal"), defaults.Of("HardTanh", "maxVal")], BenchCatalog.Find("hardtanh")!.Parameters);
        Assert.Equal([defaults.Of("Softplus", "beta"), defaults.Of("Softplus", "threshold")], BenchCatalog.Find("softplus")!.Parameters);
        Assert.Equal([0.25], BenchCatalog.Find("prelu")!.Parameters);
        var (scale, alpha) = defaults.SeluConstants();
        Assert.Equal(1.0507009873554805, scale, 15);
        Assert.Equal(1.6732632423543772, alpha, 14);
        Assert.Throws<ArgumentException>(() => defaults.Of("Elu", "nosuch"));
    }

    [Fact]
    public void RReluCaseDrawsFromTheRegisteredRange()
    {
        TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var slope = new Defaults().Parameter("RRelu", "slope");
        var x = full(100_000, -1.0, dtype: ScalarType.Float64);
        foreach (var impl in BenchCatalog.Find("rrelu_train")!.Implementations(ScalarType.Float64))
        {
            var slopes = -impl.Apply(x);
            Assert.True(slopes.min().item<double>() >= slope.Lower && slopes.max().item<double>() <= slope.Upper, impl.Name);
            Assert.Equal((slope.Lower + slope.Upper) / 2, slopes.mean().item<double>(), 2);
        }
    }

    [Fact]
    public void StepCasesBuildAgreeingModulesAndFusedLayers()
    {
        TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var x = linspace(-5.3, 5.3, 101, dtype: ScalarType.Float32);
        foreach (var step in BenchCatalog.All.Select(StepCase.Of).OfType<StepCase>())
        {
            var outputs = step.Modules.Select(m => m.Create().forward(x)).ToArray();
            Assert.All(outputs.Skip(1), y => Assert.True(allclose(y, outputs[0], rtol: 1e-4, atol: 1e-5), step.Activation));
            var fused = ActGen.Torch.ActivationLinear.Apply(x.reshape(-1, 1), ones(1, 1), zeros(1), step.Definition, step.Parameters);
            Assert.True(allclose(fused.reshape(-1), outputs[0], rtol: 1e-4, atol: 1e-5), step.Activation + " fused");
            string[] expected = step.Activation == "swish" // TorchSharp has no swish with β
                ? [ImplName.ActGen, ImplName.Composed, StepCase.Fused]
                : [ImplName.ActGen, ImplName.Builtin, ImplName.Composed, StepCase.Fused];
            Assert.Equal(expected, step.Steps.Select(s => s.Impl));
        }

        Assert.Null(StepCase.Of(BenchCatalog.Find("prelu")!));
        Assert.Null(StepCase.Of(BenchCatalog.Find("rrelu_train")!));
    }
}
