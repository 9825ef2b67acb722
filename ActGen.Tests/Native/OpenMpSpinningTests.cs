using System;
using ActGen.Native;
using TorchSharp;
using Xunit;

namespace ActGen.Tests.Native;

public class OpenMpSpinningTests
{
    [Theory]
    [InlineData("1000", 1000L)]
    [InlineData("0", 0L)]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("-5", null)]
    [InlineData("1e3", null)]
    public void ReadsOnlyNonNegativeIntegerSpinCounts(string? value, long? expected) =>
        Assert.Equal(expected, OpenMpSpinning.Requested(value));

    [Fact]
    public void RecognisesLibtorchsBundledLibGompInMaps()
    {
        const string loaded = "7f00-7f01 r-xp 00000000 08:01 42 /app/runtimes/linux-x64/native/libgomp-98b21ff3.so.1\n";
        const string other = "7f00-7f01 r-xp 00000000 08:01 42 /usr/lib/x86_64-linux-gnu/libc.so.6\n";
        Assert.True(OpenMpSpinning.LibGompLoaded(loaded));
        Assert.False(OpenMpSpinning.LibGompLoaded(other));
    }

    [Fact]
    public void IsTooLateOnceLibtorchIsLoaded()
    {
        using var x = torch.ones(4);
        Assert.False(TorchSetup.LimitOpenMpSpinning(1000));
    }

    [Fact]
    public void NativeSetenvReachesGetenvAndKeepsAValueAlreadySet()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var name = $"ACTGEN_TEST_NATIVE_{Guid.NewGuid():N}";
        Assert.Null(NativeEnvironment.Get(name));
        Assert.True(NativeEnvironment.SetIfUnset(name, "first"));
        Assert.True(NativeEnvironment.SetIfUnset(name, "second"));
        Assert.Equal("first", NativeEnvironment.Get(name));
    }
}
