using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ActGen.Tests.Torch;

/// <summary>PReLU's learnable slope: its gradient against libtorch's prelu, one slope and one per channel, and the module's Parameter.</summary>
public class PReluTests
{
    private static Tensor Input(ScalarType dtype) =>
        (randn(6, 4, 9, dtype: ScalarType.Float64, generator: new TorchSharp.torch.Generator(21)) * 3).to(dtype);

    [Theory]
    [InlineData(ScalarType.Float64, 1e-12)]
    [InlineData(ScalarType.Float32, 2e-5)]
    public void SingleSlopeGradientsMatchTorch(ScalarType dtype, double tolerance)
    {
        var x0 = Input(dtype);
        var g = TorchCheck.RandomGradient(x0);
        var (x, w) = (x0.clone().requires_grad_(true), tensor(new[] { 0.3 }).to(dtype).requires_grad_(true));
        var (xr, wr) = (x0.clone().requires_grad_(true), tensor(new[] { 0.3 }).to(dtype).requires_grad_(true));
        Activations.PRelu(x, w).backward([g]);
        F.prelu(xr, wr).backward([g]);
        Assert.Equal(wr.grad!.shape, w.grad!.shape);
        Assert.True(TorchCheck.MaxError(w.grad!, wr.grad!, 1e-6) <= tolerance, $"weight grad {w.grad!.ToString(TorchSharp.TensorStringStyle.Numpy)} vs {wr.grad!.ToString(TorchSharp.TensorStringStyle.Numpy)}");
        Assert.True(TorchCheck.MaxError(x.grad!, xr.grad!, 1e-6) <= tolerance);
        Assert.NotEqual(0.0, wr.grad!.abs().sum().to(ScalarType.Float64).item<double>(), 6);
    }

    [Theory]
    [InlineData(ScalarType.Float64, 1e-12)]
    [InlineData(ScalarType.Float32, 2e-5)]
    public void PerChannelModuleGradientsMatchTorch(ScalarType dtype, double tolerance)
    {
        var module = new Activations.PReluModule(numParameters: 4);
        module.to(dtype);
        var weight = module.parameters().Single();
        Assert.Equal(dtype, weight.dtype);
        using (no_grad())
        {
            weight.copy_(tensor(new[] { 0.1, -0.2, 0.25, 0.7 }));
        }

        var x0 = Input(dtype);
        var g = TorchCheck.RandomGradient(x0);
        var x = x0.clone().requires_grad_(true);
        var y = module.call(x);
        y.backward([g]);

        var xr = x0.clone().requires_grad_(true);
        var wr = tensor(new[] { 0.1, -0.2, 0.25, 0.7 }).to(dtype).requires_grad_(true);
        var yr = F.prelu(xr, wr);
        yr.backward([g]);

        Assert.True(TorchCheck.MaxError(y, yr, 1e-6) <= tolerance);
        Assert.True(TorchCheck.MaxError(x.grad!, xr.grad!, 1e-6) <= tolerance);
        Assert.Equal(new long[] { 4 }, weight.grad!.shape);
        Assert.True(TorchCheck.MaxError(weight.grad!, wr.grad!, 1e-6) <= tolerance, $"{weight.grad!.ToString(TorchSharp.TensorStringStyle.Numpy)} vs {wr.grad!.ToString(TorchSharp.TensorStringStyle.Numpy)}");
    }

    [Fact]
    public void ModuleRegistersItsSlopeAsAParameterInitialisedAsPyTorch()
    {
        var single = new Activations.PReluModule();
        var (name, parameter) = single.named_parameters().Single();
        Assert.Equal("weight", name);
        Assert.Equal(new long[] { 1 }, parameter.shape);
        Assert.Equal(0.25f, parameter.item<float>());
        Assert.True(parameter.requires_grad);

        var perChannel = new Activations.PReluModule(numParameters: 7, weight: 0.1);
        var w = perChannel.parameters().Single();
        Assert.Equal(new long[] { 7 }, w.shape);
        Assert.All(w.data<float>().ToArray(), v => Assert.Equal(0.1f, v));
        Assert.Single(perChannel.state_dict());
    }

    [Fact]
    public void ModuleTrainsItsSlope()
    {
        var module = new Activations.PReluModule();
        var optimizer = optim.SGD(module.parameters(), 0.1);
        var x = -ones(16);
        for (var step = 0; step < 3; step++)
        {
            optimizer.zero_grad();
            module.call(x).sum().backward(); // ∂/∂a Σ a·x = Σ x = −16
            optimizer.step();
        }

        Assert.Equal(0.25 + 3 * 0.1 * 16, module.parameters().Single().item<float>(), 4);
    }
}
