using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

public class TorchSmokeTests
{
    [Fact]
    public void GeneratedSigmoidMatchesTorchForwardAndBackward()
    {
        var x = linspace(-12, 12, 1001, dtype: ScalarType.Float64).requires_grad_(true);
        var y = Activations.Sigmoid(x);
        y.sum().backward();
        var xr = x.detach().clone().requires_grad_(true);
        var yr = sigmoid(xr);
        yr.sum().backward();
        Assert.True(allclose(y, yr, rtol: 1e-12, atol: 1e-15));
        Assert.True(allclose(x.grad!, xr.grad!, rtol: 1e-12, atol: 1e-15));
    }
}
