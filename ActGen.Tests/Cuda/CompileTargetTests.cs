using ActGen.Cuda;
using Xunit;

namespace ActGen.Tests.Cuda;

/// <summary>NVRTC's target: a cubin for an architecture it lists, else PTX for the newest one below the device's.</summary>
public class CompileTargetTests
{
    private static readonly int[] Cuda13 = [75, 80, 86, 87, 88, 89, 90, 100, 103, 110, 120, 121];

    [Fact]
    public void AListedArchitectureGetsACubin()
    {
        var target = CompileTarget.For(90, Cuda13);
        Assert.Equal(new CompileTarget(90, true), target);
        Assert.Equal(["--std=c++17", "--gpu-architecture=sm_90", "-default-device", "-DNDEBUG"], target!.Options);
    }

    [Fact]
    public void ADeviceNewerThanNvrtcGetsPtxForTheNewestListedBelowIt()
    {
        var target = CompileTarget.For(130, Cuda13);
        Assert.Equal(new CompileTarget(121, false), target);
        Assert.Contains("--gpu-architecture=compute_121", target!.Options);
    }

    [Fact]
    public void AnUnlistedArchitectureBetweenListedOnesGetsPtxFromBelow() =>
        Assert.Equal(new CompileTarget(90, false), CompileTarget.For(95, Cuda13));

    [Fact]
    public void ADeviceOlderThanEveryListedArchitectureCannotBeCompiledFor() => Assert.Null(CompileTarget.For(60, Cuda13));

    [Fact]
    public void WithoutTheListItCompilesPtxForTheDevice() => Assert.Equal(new CompileTarget(86, false), CompileTarget.For(86, []));

    [Fact]
    public void NoFastMath()
    {
        foreach (var option in CompileTarget.For(90, Cuda13)!.Options)
        {
            Assert.DoesNotContain("fast", option, System.StringComparison.OrdinalIgnoreCase);
        }
    }
}
