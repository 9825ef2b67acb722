using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ActGen.Tests.Bench;

/// <summary>
/// The TorchSharp 0.107 bugs the bench works around (README names them): if one of these fails, TorchSharp fixed
/// it, and the bench can compare against the builtin again.
/// </summary>
public sealed class TorchSharpQuirkTests
{
    [Fact]
    public void HardtanhReturnsItsInputUnchangedAndClampIsTheRealOne()
    {
        TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var x = linspace(-3, 3, 13, dtype: ScalarType.Float64);
        Assert.True(F.hardtanh(x, -1, 1).eq(x).all().item<bool>());
        Assert.True(nn.Hardtanh().forward(x).eq(x).all().item<bool>());
        Assert.Equal(1.0, x.clamp(-1, 1).abs().max().item<double>());
    }

    [Fact]
    public void RReluModuleInTrainingModeUsesTheFixedEvaluationSlope()
    {
        TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var x = full(10_000, -1.0, dtype: ScalarType.Float64);
        var module = nn.RReLU(1.0 / 8, 1.0 / 3);
        module.train();
        var slopes = -module.forward(x);
        Assert.Equal(0.0, slopes.std().item<double>(), 12);
        Assert.Equal((1.0 / 8 + 1.0 / 3) / 2, slopes.mean().item<double>(), 12);
    }
}
