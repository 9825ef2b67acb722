using System;
using System.Linq;
using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>
/// Randomized parameters per element: the managed draw (reproducible under <c>torch.manual_seed</c>, independent of
/// the thread split) and the per-element span kernels, checked against the TorchScript program.
/// </summary>
public class PerElementKernelTests
{
    [Theory]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Float32)]
    public void PerElementKernelsEqualTheScriptProgram(ScalarType dtype)
    {
        var x = TorchCheck.Large(dtype);
        var slopes = rand(x.shape, dtype: dtype, generator: new TorchSharp.torch.Generator(3)) * 0.5 + 0.1;
        var gy = TorchCheck.RandomGradient(x);
        var (y, grad) = TorchCheck.Run(z => Activations.RReluFunction.apply(z, slopes), x, gy);
        Tensor scriptY, scriptGrad;
        using (KernelPathSetting.Use(KernelPath.Script))
        {
            (scriptY, scriptGrad) = TorchCheck.Run(z => Activations.RReluFunction.apply(z, slopes), x, gy);
        }

        Assert.Equal(0.0, (y - scriptY).abs().max().to(ScalarType.Float64).item<double>());
        Assert.Equal(0.0, (grad - scriptGrad).abs().max().to(ScalarType.Float64).item<double>());
    }

    [Fact]
    public void ContiguousCpuSlopesShapedLikeTheInputTakeThePerElementKernels()
    {
        var x = randn(4, 5);
        var slopes = rand(4, 5);
        Assert.Same(slopes, Invocation.PerElement(Activations.RReluTorch, x, [slopes]));
        Assert.Null(Invocation.PerElement(Activations.RReluTorch, x, [rand(5)]));
        Assert.Null(Invocation.PerElement(Activations.RReluTorch, x, [rand(4, 5, dtype: ScalarType.Float64)]));
        Assert.Null(Invocation.PerElement(Activations.RReluTorch, x, [rand(5, 4).t()]));
        Assert.Null(Invocation.PerElement(Activations.PReluTorch, x, [rand(4, 5)]));
    }

    [Fact]
    public void TheCatalogHasPerElementKernelsExactlyWhereTheOnlyTensorParameterIsRandomized() =>
        Assert.Equal(["RRelu"], ActivationRegistry.All
            .Where(d => d.Owner == "ActGen.Activations" && d.Double.PerElement is not null && d.Single.PerElement is not null)
            .Select(d => d.Name));

    [Theory]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Float32)]
    public void TrainingSlopesAreReproducibleWithTorchsSeed(ScalarType dtype)
    {
        var x = -rand(100_000, dtype: dtype) - 0.5;
        Tensor Slopes(long seed)
        {
            manual_seed(seed);
            return Activations.RRelu(x, training: true) / x;
        }

        Assert.True(Slopes(5).eq(Slopes(5)).all().item<bool>());
        Assert.False(Slopes(5).eq(Slopes(6)).all().item<bool>());
    }

    [Fact]
    public void TheDrawDoesNotDependOnHowTheWorkIsSplit()
    {
        var whole = new double[1000];
        var pieces = new double[1000];
        CounterUniform.Fill(whole, 42, 0, 0.1, 0.4);
        CounterUniform.Fill(pieces.AsSpan(0, 300), 42, 0, 0.1, 0.4);
        CounterUniform.Fill(pieces.AsSpan(300), 42, 300, 0.1, 0.4);
        Assert.Equal(whole, pieces);
        Assert.All(whole, v => Assert.InRange(v, 0.1, 0.4));
        Assert.True(whole.Distinct().Count() > 990);
    }
}
