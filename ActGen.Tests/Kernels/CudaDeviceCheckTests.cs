using System;
using System.IO;
using System.Linq;
using ActGen.Cuda;
using ActGen.Experiments.Kernels;
using ActGen.Tests.Cuda;
using Xunit;

namespace ActGen.Tests.Kernels;

/// <summary>
/// The device check (<c>actgen kernels --check-cuda-on-device</c>) over stand-ins for NVRTC and the driver that run the
/// kernels on the CPU (<see cref="HostExecutedCudaLibraries"/>): its own logic — the runtime's compile, load, resolve,
/// packing and launch, buffers through the driver, the comparisons — without a GPU. On a GPU it runs as is.
/// </summary>
public class CudaDeviceCheckTests(HostExecutedCudaLibraries host) : IClassFixture<HostExecutedCudaLibraries>
{
    /// <summary>Backward from y, a hyper-parameter, a learnable one (second order in it too), a randomized one.</summary>
    private static readonly string[] Chosen = ["Sigmoid", "Elu", "PRelu", "RRelu"];

    private static ActivationDefinition Definition(string name) => CatalogActivations.All.Single(a => a.Definition.Name == name).Definition;

    /// <summary>Launches the check makes for <paramref name="d"/>: per element type, layout and shift, every kernel once, and the
    /// float kernels again for float16 and bfloat16.</summary>
    private static int ExpectedLaunches(ActivationDefinition d)
    {
        var layouts = d.Parameters.Any(p => p.Role != ParameterRole.Hyper) ? 3 : 1;
        var kernels = CudaKernelNames.Roles(d).Count;
        return layouts * 2 * (4 * kernels + 2 * 2);
    }

    [Fact]
    public void TheChosenActivationsAndTheDrawMatchThroughTheRuntimesOwnLaunches()
    {
        using var cache = new TempFolder();
        var before = host.Launches;
        var activations = Chosen.Select(Definition).ToList();

        var report = Assert.IsType<Probe<CudaDeviceReport>.Found>(CudaDeviceCheck.Run(host.Runtime(cache.Path), 0, activations)).Value;

        Assert.All(report.Activations, a => Assert.True(a.Result.Matches, $"{a.Definition.Name}: {string.Join("; ", a.Result.Failures)}"));
        Assert.True(report.Draw.Matches, string.Join("; ", report.Draw.Failures));
        Assert.True(report.Matches);
        Assert.Equal(activations.Sum(ExpectedLaunches), report.Launches);
        Assert.Equal(report.Launches + 8, host.Launches - before); // and the draw: four cases, two element types
        Assert.Equal(0, host.LiveAllocations);
        Assert.StartsWith("GPU 0: host stand-in, sm_90, 132 SMs; NVRTC ", report.Device);
    }

    [Fact]
    public void KernelsThatDisagreeWithTheCSharpFormsAreAMismatch()
    {
        using var cache = new TempFolder();
        var (sigmoid, tanh) = (Definition("Sigmoid"), Definition("Tanh"));
        var wrong = sigmoid with { Double = tanh.Double, Single = tanh.Single };

        var report = Assert.IsType<Probe<CudaDeviceReport>.Found>(CudaDeviceCheck.Run(host.Runtime(cache.Path), 0, [wrong])).Value;

        var failures = Assert.Single(report.Activations).Result.Failures;
        Assert.False(report.Matches);
        Assert.Contains(failures, f => f.StartsWith("forward_f64 (one value, shift 0): x = ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("forward_f32 (one value, shift 1): x = ", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCommandSaysWhenThereIsNoGpuToCheckOn()
    {
        using var error = new StringWriter();
        using var output = new StringWriter();
        if (System.Runtime.InteropServices.NativeLibrary.TryLoad(CudaDriver.DefaultLibrary, out _))
        {
            // A machine with a driver: the check runs, and says how it went.
            var code = KernelsCommand.CheckOnDevice(output, error);
            Assert.True(code is 0 or 1, $"{code}: {error}");
            Assert.Contains("activations match on GPU 0", output.ToString());
            return;
        }

        Assert.Equal(2, KernelsCommand.CheckOnDevice(output, error));
        Assert.StartsWith("actgen kernels --check-cuda-on-device: no GPU to check on: libcuda.so.1 does not load", error.ToString());
        Assert.Empty(output.ToString());
    }
}
