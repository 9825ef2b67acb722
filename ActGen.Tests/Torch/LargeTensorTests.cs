using System;
using System.Linq;
using System.Runtime.InteropServices;
using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>
/// Tensors of 2^31 bytes or more go through the kernels in blocks of views below Span's limit. The blocking is checked
/// with a small limit (a real 2 GiB tensor and its output would need 4 GiB of memory in the test run).
/// </summary>
public class LargeTensorTests
{
    private static Span<double> Of(Tensor t) => MemoryMarshal.Cast<byte, double>(t.bytes);

    [Fact]
    public void BlocksBelowTheLimitComputeWhatOnePassDoes()
    {
        ActGen.TorchSetup.EnsureLoaded();
        ActivationRegistry.EnsureCatalog();
        var elu = ActivationRegistry.Get("Elu");
        var x = linspace(-5, 5, 1001, dtype: float64).reshape(7, 143);
        var (whole, blocked) = (empty_like(x), empty_like(x));
        elu.Double.Forward(Of(x), Of(whole), elu.Defaults);
        var calls = 0;
        ManagedKernels.Blocks([x, blocked], 40 * sizeof(double), v =>
        {
            calls++;
            Assert.True(v[0].numel() <= 40);
            elu.Double.Forward(Of(v[0]), Of(v[1]), elu.Defaults);
        });
        Assert.Equal((1001 + 39) / 40, calls);
        Assert.Equal(Of(whole).ToArray(), Of(blocked).ToArray());
    }

    [Fact]
    public void TensorsWithinTheLimitAreNotSplit()
    {
        ActGen.TorchSetup.EnsureLoaded();
        var x = zeros(100, dtype: float64);
        var seen = Array.Empty<Tensor>();
        ManagedKernels.Blocks([x], int.MaxValue, v => seen = v);
        Assert.Same(x, seen.Single());
    }
}
