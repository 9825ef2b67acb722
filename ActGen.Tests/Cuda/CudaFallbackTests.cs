using System;
using System.IO;
using System.Linq;
using ActGen.Cuda;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Cuda;

/// <summary>
/// What happens without a GPU: anything missing is a reason, never a crash; the reason is logged once; CPU calls never
/// look for CUDA at all; and <see cref="TorchSetup.GpuPath"/> says TorchScript, and why.
/// </summary>
public class CudaFallbackTests
{
    private static KernelDiskCache NoCache() => new(Path.Combine(Path.GetTempPath(), "actgen-cuda-unused"));

    [Fact]
    public void OnThisMachineTheReportSaysTorchScriptAndWhy()
    {
        Assert.False(cuda.is_available());
        var path = TorchSetup.GpuPath;
        Assert.False(path.CudaKernels);
        Assert.Equal("TorchScript: torch.cuda.is_available() is false", path.Description);
        Assert.Equal(path.Description, path.ToString());
    }

    [Fact]
    public void AMissingDriverIsAReasonNamingIt()
    {
        var missing = Assert.IsType<Probe<CudaRuntime>.Missing>(
            CudaRuntime.Load(new CudaLoadSettings("/no/such/dir/libcuda.so.1", ["libnvrtc.so.13"], NoCache())));
        Assert.StartsWith("/no/such/dir/libcuda.so.1 does not load", missing.Why);
    }

    [Fact]
    public void GarbageLibrariesAreRefusedCleanly()
    {
        using var folder = new TempFolder();
        var driver = folder.File("libcuda.so.1", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);
        var nvrtc = folder.File("libnvrtc-0badf00d.so.12", "\x7fELF garbage"u8.ToArray());
        var empty = folder.File("libnvrtc.so.13", []);
        Assert.StartsWith($"{driver} does not load", Assert.IsType<Probe<CudaDriver>.Missing>(CudaDriver.Load(driver)).Why);
        var why = Assert.IsType<Probe<Nvrtc>.Missing>(Nvrtc.Load([nvrtc, empty])).Why;
        Assert.Contains($"{nvrtc} does not load", why);
        Assert.Contains($"{empty} does not load", why);
    }

    /// <summary>A real library without the exports (the C math library) is refused by name of what it lacks, and released.</summary>
    [Fact]
    public void ALibraryWithoutTheExportsIsRefusedNamingWhatItLacks()
    {
        Assert.Contains("libm.so.6 lacks cuInit", Assert.IsType<Probe<CudaDriver>.Missing>(CudaDriver.Load("libm.so.6")).Why);
        Assert.Contains("libm.so.6 lacks nvrtcVersion", Assert.IsType<Probe<Nvrtc>.Missing>(Nvrtc.Load(["libm.so.6"])).Why);
        Assert.StartsWith("no usable NVRTC (", Assert.IsType<Probe<Nvrtc>.Missing>(Nvrtc.Load([])).Why);
    }

    [Fact]
    public void TheReasonIsLoggedOnceInOneLine()
    {
        var log = new StringWriter();
        var loads = 0;
        var dispatch = CudaDispatch.With(
            () =>
            {
                loads++;
                return Probe<CudaRuntime>.No("/no/such/dir/libcuda.so.1 does not load (cannot open shared object file)");
            },
            log);
        Assert.Null(dispatch.Available());
        Assert.Null(dispatch.Available());
        Assert.Equal(1, loads);
        Assert.Equal(
            ["ActGen: CUDA tensors run the TorchScript program: /no/such/dir/libcuda.so.1 does not load (cannot open shared object file)"],
            log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            "TorchScript: /no/such/dir/libcuda.so.1 does not load (cannot open shared object file)",
            dispatch.Describe().Description);
    }

    /// <summary>The CPU never looks for CUDA: the dispatch answers "not here" before it asks for the runtime.</summary>
    [Fact]
    public void CpuTensorsNeverLookForTheRuntime()
    {
        var log = new StringWriter();
        var dispatch = CudaDispatch.With(() => throw new InvalidOperationException("the runtime was looked for"), log);
        using var scope = NewDisposeScope();
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64, ScalarType.Float16 })
        {
            var x = linspace(-2, 2, 12, dtype: dtype).reshape(3, 4).t();
            var g = ones_like(x);
            var w = tensor(0.25, dtype: dtype);
            Assert.Null(dispatch.Forward(Activations.EluTorch, x, [], [1.0]));
            Assert.Null(dispatch.Backward(Activations.EluTorch, x, g, [], [1.0]));
            Assert.Null(dispatch.Gradient(Activations.PReluTorch, "weight", x, g, [w], []));
            Assert.Null(dispatch.Second(Activations.PReluTorch, null, "weight", x, g, g, [w], []));
        }

        Assert.Equal("", log.ToString());
    }

    [Fact]
    public void AnActivationWithoutCudaSourceNeedsNoRuntimeToSaySo()
    {
        var elu = Activations.EluTorch.Definition;
        Assert.NotNull(CudaKernelNames.Of(elu.CudaSource!));
        Assert.Null(CudaKernelNames.Of(""));
        Assert.Null(CudaKernelNames.Of(elu.CudaSource! + elu.CudaSource!.Replace("_Elu_", "_Elv_", StringComparison.Ordinal)));
    }

    [Fact]
    public void EachReasonIsOneLineWrittenOncePerKey()
    {
        var log = new StringWriter();
        var once = new FallbackLog(() => log);
        Assert.True(once.Once("A.F", "NVRTC could not compile\nline 1\n  line 2\n"));
        Assert.False(once.Once("A.F", "again"));
        Assert.True(once.Once("A.G", "other"));
        Assert.Equal(
            [
                "ActGen: CUDA tensors run the TorchScript program for A.F: NVRTC could not compile line 1 line 2",
                "ActGen: CUDA tensors run the TorchScript program for A.G: other",
            ],
            log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
