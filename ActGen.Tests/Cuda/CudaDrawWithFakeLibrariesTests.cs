using System;
using System.IO;
using System.Linq;
using ActGen.Cuda;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Cuda;

/// <summary>
/// Randomized parameters' draw on CUDA tensors through the stand-in driver (<see cref="FakeCudaLibraries"/>), CPU
/// tensors standing in for device 0: the counter-based kernel (<see cref="CounterUniformSource"/>, whose values the host
/// check compares with the CPU's) compiled once per device and launched with the tensor, its count, the seed and the
/// bounds; 16-bit tensors and a refused launch are left to torch's uniform_, said once.
/// </summary>
public class CudaDrawWithFakeLibrariesTests(FakeCudaLibraries fake) : IClassFixture<FakeCudaLibraries>
{
    private const int LaunchOutOfResources = 701;

    [Fact]
    public void TheDrawLaunchesTheCounterBasedKernelWithTheSeedAndTheBoundsCompiledOnce()
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var log = new StringWriter();
        var runtime = fake.Runtime(cache.Path);
        var dispatch = CudaDispatch.With(() => new Probe<CudaRuntime>.Found(runtime), log, _ => 0);
        var (compiles, launches) = (fake.Compiles, fake.Launches);
        fake.ExpectArguments(5);

        var doubles = empty(3, 1025, dtype: ScalarType.Float64);
        Assert.True(dispatch.Draw(doubles, 0xFEDCBA9876543210, 0.125, 1.0 / 3));
        Assert.Equal(CounterUniformSource.Double, fake.FunctionName(fake.Last(0)));
        Assert.Equal(7L, fake.Last(1)); // 3075 doubles, a thread per 16 bytes as for every kernel: 1538 threads, 7 blocks
        Assert.Equal(
            [(long)TensorPointer.Of(doubles), 3075L, unchecked((long)0xFEDCBA9876543210), BitConverter.DoubleToInt64Bits(0.125),
                BitConverter.DoubleToInt64Bits(1.0 / 3)],
            new[] { 10, 11, 12, 13, 14 }.Select(fake.Last));

        var singles = empty(10, dtype: ScalarType.Float32);
        Assert.True(dispatch.Draw(singles, 7, -1, 1));
        Assert.Equal(CounterUniformSource.Single, fake.FunctionName(fake.Last(0)));
        Assert.Equal(compiles + 1, fake.Compiles);
        Assert.Equal(launches + 2, fake.Launches);

        Assert.False(dispatch.Draw(empty(10, dtype: ScalarType.Float16), 7, -1, 1));
        Assert.True(dispatch.Draw(empty(0, dtype: ScalarType.Float32), 7, -1, 1));
        Assert.Equal(launches + 2, fake.Launches);
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public void ARefusedLaunchLeavesTheDrawToUniformOnThatDeviceSaidOnce()
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var log = new StringWriter();
        var dispatch = CudaDispatch.With(() => new Probe<CudaRuntime>.Found(fake.Runtime(cache.Path)), log, _ => 0);
        fake.ExpectArguments(5);
        var launches = fake.Launches;
        fake.FailLaunches(LaunchOutOfResources);
        try
        {
            Assert.False(dispatch.Draw(empty(10, dtype: ScalarType.Float32), 7, -1, 1));
        }
        finally
        {
            fake.FailLaunches(0);
        }

        Assert.False(dispatch.Draw(empty(10, dtype: ScalarType.Float32), 7, -1, 1));
        Assert.Equal(launches, fake.Launches);
        Assert.Equal(
            "ActGen: randomized parameters on cuda:0 are drawn by torch's uniform_, not the CPU's counter-based draw: ActGen's CUDA "
            + "path: cuLaunchKernel failed: too many resources requested for launch (701) running the draw's kernel; this draw and "
            + "every later one use uniform_",
            Assert.Single(log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void WithoutTheRuntimeTheDrawSaysSoOnce()
    {
        var log = new StringWriter();
        var dispatch = CudaDispatch.With(() => Probe<CudaRuntime>.No("libcuda.so.1 does not load"), log, _ => 0);
        using var scope = NewDisposeScope();
        Assert.False(dispatch.Draw(empty(10, dtype: ScalarType.Float32), 7, -1, 1));
        Assert.False(dispatch.Draw(empty(10, dtype: ScalarType.Float64), 7, -1, 1));
        Assert.Equal(
            [
                "ActGen: CUDA tensors run the TorchScript program: libcuda.so.1 does not load",
                "ActGen: randomized parameters on cuda:0 are drawn by torch's uniform_, not the CPU's counter-based draw: the CUDA "
                + "runtime was not found",
            ],
            log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
