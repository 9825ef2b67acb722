using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;
using Xunit;

namespace ActGen.Tests.MathXTests;

/// <summary>
/// The kernels are tested at whichever width <c>Vector&lt;T&gt;</c> has in this process: 256 bits by default, 512 with
/// <c>DOTNET_MaxVectorTBitWidth=512</c> on AVX-512 hosts. This pins that the variable does reach the test host, so a
/// run under it really tests the 512-bit kernels.
/// </summary>
public class VectorWidthTests
{
    [Fact]
    public void VectorTHasTheWidthTheEnvironmentAsksFor()
    {
        var asked = Asked(Environment.GetEnvironmentVariable("DOTNET_MaxVectorTBitWidth"));
        var widest = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 128;
        Assert.Equal(Math.Min(asked, widest), Vector<byte>.Count * 8);
    }

    // The runtime reads the value as decimal, rounds it down to 128, 256 or 512, and ignores one below 128 (seen here).
    private static int Asked(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && bits >= 128
            ? bits >= 512 ? 512 : bits >= 256 ? 256 : 128
            : 256;
}
