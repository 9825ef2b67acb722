using System;
using System.IO;
using System.Linq;
using ActGen.Cuda;
using ActGen.Experiments.Kernels;
using ActGen.Tests.Cuda;
using ActGen.Tests.Support;
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
        return layouts * 2 * (4 * kernels + 2 * 2) + 2; // and the float forward and backward at a large length
    }

    [Fact]
    public void TheChosenActivationsAndTheDrawMatchThroughTheRuntimesOwnLaunches()
    {
        using var cache = new TempFolder();
        var before = host.Launches;
        var activations = Chosen.Select(Definition).ToList();

        var report = Assert.IsType<Probe<CudaDeviceReport>.Found>(CudaDeviceCheck.Run(host.Runtime(cache.Path), 0, activations, largeLength: 40_003)).Value;

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

        var report = Assert.IsType<Probe<CudaDeviceReport>.Found>(CudaDeviceCheck.Run(host.Runtime(cache.Path), 0, [wrong], largeLength: 40_003)).Value;

        var failures = Assert.Single(report.Activations).Result.Failures;
        Assert.False(report.Matches);
        Assert.Contains(failures, f => f.StartsWith("forward_f64 (one value, shift 0): x = ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("forward_f32 (one value, shift 1): x = ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("forward_f32 at n = 40003: x = ", StringComparison.Ordinal));
    }

    /// <summary>
    /// <c>actgen kernels --check-cuda-on-device</c> in a process of its own (its registry: the catalog and the experiments'
    /// activations), finding the stand-in driver by soname and NVRTC through <c>ACTGEN_NVRTC</c>, as it would find the real ones.
    /// </summary>
    [Fact]
    public async System.Threading.Tasks.Task TheCommandChecksEveryRegisteredActivationAndSaysHowManyMatch()
    {
        using var cache = new TempFolder();
        var run = await ChildProcess.Dotnet(
            "actgen.dll",
            ["kernels", "--check-cuda-on-device", "--large-length", "40003"],
            new System.Collections.Generic.Dictionary<string, string?>
            {
                ["LD_LIBRARY_PATH"] = host.DriverFolder,
                [NvrtcSearch.Variable] = host.NvrtcPath,
                [KernelDiskCache.Variable] = cache.Path,
            });

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToArray();
        Assert.True(run.Code == 0, run.ToString());
        Assert.StartsWith("GPU 0: host stand-in, sm_90, 132 SMs; NVRTC ", lines[0]);
        var activations = HostExecutedCudaLibraries.CommandsActivations();
        Assert.Equal(activations.Select(d => $"{d.Owner}.{d.Name}: ok"), lines[1..^3]);
        Assert.Equal($"{DrawCheck.Name}: ok", lines[^3]);
        Assert.Equal($"{activations.Sum(ExpectedLaunches)} kernel launches", lines[^2]);
        Assert.Equal($"{activations.Count}/{activations.Count} activations match on GPU 0", lines[^1]);
    }

    /// <summary>
    /// The device check's script runs it as on the GPU machine (<c>run.sh --dotnet-only</c>), this build's actgen standing in
    /// for the package, with a kernel cache of its own (the user's stays untouched), and keeps its output.
    /// </summary>
    [Fact]
    public async System.Threading.Tasks.Task TheDeviceChecksScriptRunsItAndKeepsItsOutput()
    {
        using var folder = new TempFolder();
        using var usersCache = new TempFolder();
        var run = await ChildProcess.Run(
            "bash",
            [Repository.File("tools/gpu-check/run.sh"), "--dotnet-only", "--out", folder.Path],
            new System.Collections.Generic.Dictionary<string, string?>
            {
                ["ACTGEN_GPU_CHECK_ACTGEN"] = Path.Combine(AppContext.BaseDirectory, "actgen"),
                ["ACTGEN_GPU_CHECK_LARGE_LENGTH"] = "40003",
                ["LD_LIBRARY_PATH"] = host.DriverFolder,
                [NvrtcSearch.Variable] = host.NvrtcPath,
                [KernelDiskCache.Variable] = usersCache.Path,
            });

        Assert.True(run.Code == 0, run.ToString());
        var kept = File.ReadAllLines(Path.Combine(folder.Path, "dotnet-device-check.txt"));
        Assert.Equal(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), kept);
        var count = HostExecutedCudaLibraries.CommandsActivations().Count;
        Assert.Equal($"{count}/{count} activations match on GPU 0", kept[^1]);
        Assert.Empty(Directory.EnumerateFileSystemEntries(usersCache.Path)); // a fresh cache of its own: every activation compiled
    }

    [Fact]
    public void ALaunchTheDriverRefusesNamesTheActivationAndKernel()
    {
        using var cache = new TempFolder();
        var runtime = host.Runtime(cache.Path);
        host.FailLaunches(700);
        try
        {
            var e = Assert.ThrowsAny<InvalidOperationException>(() => CudaDeviceCheck.Run(runtime, 0, [Definition("Sigmoid")], largeLength: 40_003));

            Assert.StartsWith("ActGen.Activations.Sigmoid's forward_f64 kernel (n = 2015, start shifted by 0): ", e.Message);
            Assert.Contains("an illegal memory access was encountered (700)", e.Message);
        }
        finally
        {
            host.FailLaunches(0);
        }

        Assert.Equal(0, host.LiveAllocations);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void ALengthThatIsNotPositiveIsRefusedByName(string length)
    {
        using var error = new StringWriter();
        using var output = new StringWriter();

        var code = ActGen.Experiments.Cli.CommandLine.Run(
            ["kernels", "--check-cuda-on-device", "--large-length", length], [], (_, _, _) => 0, output, error);

        Assert.Equal(2, code);
        Assert.Equal($"actgen kernels: --large-length must be a positive number of elements, not {length}", error.ToString().Trim());
    }

    [Fact]
    public void TheCommandSaysWhenThereIsNoGpuToCheckOn()
    {
        using var error = new StringWriter();
        using var output = new StringWriter();
        if (System.Runtime.InteropServices.NativeLibrary.TryLoad(CudaDriver.DefaultLibrary, out _))
        {
            // A machine with a driver: the check runs, and says how it went.
            var code = KernelsCommand.CheckOnDevice(output, error, largeLength: 40_003);
            Assert.True(code is 0 or 1, $"{code}: {error}");
            Assert.Contains("activations match on GPU 0", output.ToString());
            return;
        }

        Assert.Equal(2, KernelsCommand.CheckOnDevice(output, error));
        Assert.StartsWith("actgen kernels --check-cuda-on-device: no GPU to check on: libcuda.so.1 does not load", error.ToString());
        Assert.Empty(output.ToString());
    }
}
