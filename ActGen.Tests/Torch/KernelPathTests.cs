using System;
using System.Threading.Tasks;
using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>The managed span kernels and the TorchScript program agree; layouts the kernels cannot take still give the right answer.</summary>
public class KernelPathTests
{
    public static TheoryData<string> Names => ParityCases.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void ScriptPathEqualsManagedKernelsInBothDtypes(string name)
    {
        var c = ParityCases.Get(name);
        foreach (var (dtype, tolerance, floor) in new[] { (ScalarType.Float64, 1e-9, 1e-4), (ScalarType.Float32, 2e-5, 5e-2) })
        {
            var x = TorchCheck.Points(dtype, c.Kinks);
            var g = TorchCheck.RandomGradient(x);
            var (y, gx) = TorchCheck.Run(c.ActGen, x, g);
            Tensor ys, gxs;
            using (KernelPathSetting.Use(KernelPath.Script))
            {
                (ys, gxs) = TorchCheck.Run(c.ActGen, x, g);
            }

            Assert.Equal(KernelPath.Auto, KernelPathSetting.Path);
            Assert.True(TorchCheck.MaxError(ys, y, floor) <= tolerance, $"{dtype} forward: {TorchCheck.Worst(x, ys, y, floor)}");
            Assert.True(TorchCheck.MaxError(gxs, gx, floor, g) <= tolerance, $"{dtype} backward: {TorchCheck.Worst(x, gxs, gx, floor, g)}");
        }
    }

    [Theory]
    [InlineData("Gelu")]
    [InlineData("Softplus(2, 10)")]
    [InlineData("Elu(0.5)")]
    [InlineData("PRelu")]
    [InlineData("HardSwish")]
    public void TransposedInputsGiveTorchsAnswer(string name)
    {
        var c = ParityCases.Get(name);
        foreach (var (dtype, tolerance, floor) in new[] { (ScalarType.Float64, 1e-9, 1e-4), (ScalarType.Float32, 2e-5, 5e-2) })
        {
            var x = (randn(48, 64, dtype: ScalarType.Float64, generator: new TorchSharp.torch.Generator(3)) * 4).to(dtype).t();
            Assert.False(x.is_contiguous());
            var g = TorchCheck.RandomGradient(x).t().contiguous().t(); // a non-contiguous incoming gradient too
            var (y, gx) = TorchCheck.Run(c.ActGen, x, g);
            var (yr, gxr) = TorchCheck.Run(c.Torch, x, g);
            Assert.Equal(x.shape, y.shape);
            Assert.True(TorchCheck.MaxError(y, yr, floor) <= tolerance, $"{dtype} forward: {TorchCheck.Worst(x.flatten(), y.flatten(), yr.flatten(), floor)}");
            Assert.True(TorchCheck.MaxError(gx, gxr, floor, g) <= tolerance, $"{dtype} backward: {TorchCheck.Worst(x.flatten(), gx.flatten(), gxr.flatten(), floor, g.flatten())}");
        }
    }

    /// <summary>Contiguous views that do not start at their storage's first element, and a broadcast (stride-0) gradient.</summary>
    [Fact]
    public void OffsetViewsAndExpandedGradientsGiveTorchsAnswer()
    {
        var storage = randn(2, 5000, dtype: ScalarType.Float64, generator: new TorchSharp.torch.Generator(5)) * 3;
        var x = storage[1];
        Assert.True(x.is_contiguous());
        Assert.Equal(5000L, x.storage_offset());
        var narrow = storage.reshape(-1).narrow(0, 17, 4000);
        foreach (var input in new[] { x, narrow })
        {
            Assert.True(TorchCheck.MaxError(Activations.Mish(input), TorchSharp.torch.nn.functional.mish(input), 1e-4) <= 1e-9);
            var g = tensor(0.75, dtype: ScalarType.Float64).expand(input.shape);
            var (_, gx) = TorchCheck.Run(z => Activations.Tanh(z), input, g);
            var (_, gxr) = TorchCheck.Run(tanh, input, g);
            Assert.True(TorchCheck.MaxError(gx, gxr, 1e-4, g) <= 1e-9);
        }
    }

    [Fact]
    public void SeveralThreadsCallingTheSameFunctionAtOnceGetTheirOwnAnswers()
    {
        const int calls = 12;
        var inputs = new Tensor[calls];
        var expected = new (Tensor Y, Tensor Grad)[calls];
        for (var i = 0; i < calls; i++)
        {
            var dtype = i % 2 == 0 ? ScalarType.Float64 : ScalarType.Float32;
            inputs[i] = (randn(1 << 16, dtype: ScalarType.Float64, generator: new TorchSharp.torch.Generator((ulong)(100 + i))) * (1 + i)).to(dtype);
            expected[i] = TorchCheck.Run(z => TorchSharp.torch.nn.functional.silu(z), inputs[i], full_like(inputs[i], i + 1.0));
        }

        var actual = new (Tensor Y, Tensor Grad)[calls];
        Parallel.For(0, calls, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i =>
        {
            using var script = i % 3 == 0 ? KernelPathSetting.Use(KernelPath.Script) : null;
            actual[i] = TorchCheck.Run(z => Activations.Silu(z), inputs[i], full_like(inputs[i], i + 1.0));
        });

        for (var i = 0; i < calls; i++)
        {
            var (tolerance, floor) = inputs[i].dtype == ScalarType.Float64 ? (1e-9, 1e-4) : (2e-5, 5e-2);
            Assert.True(TorchCheck.MaxError(actual[i].Y, expected[i].Y, floor) <= tolerance, $"call {i} forward");
            Assert.True(TorchCheck.MaxError(actual[i].Grad, expected[i].Grad, floor, full_like(inputs[i], i + 1.0)) <= tolerance, $"call {i} backward");
        }
    }
}
