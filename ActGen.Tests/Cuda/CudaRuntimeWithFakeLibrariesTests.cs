using System;
using System.IO;
using System.Linq;
using ActGen.Cuda;
using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Cuda;

/// <summary>
/// The runtime's native side against stand-in libraries (<see cref="FakeCudaLibraries"/>): loading, the options and
/// names that reach NVRTC and the driver, compile-once with the disk cache, recovery from a refused cached image, a
/// compile error's message and a missing device (the launches: <see cref="CudaLaunchWithFakeLibrariesTests"/>).
/// </summary>
public class CudaRuntimeWithFakeLibrariesTests(FakeCudaLibraries fake) : IClassFixture<FakeCudaLibraries>
{
    private static readonly string[] Sm90 = ["--std=c++17", "--gpu-architecture=sm_90", "-default-device", "-DNDEBUG"];

    [Fact]
    public void TheRuntimeLoadsAndReportsWhatItFound()
    {
        using var cache = new TempFolder();
        var runtime = fake.Runtime(cache.Path);
        Assert.Equal(new NvrtcVersion(13, 0), runtime.Nvrtc.Version);
        Assert.Equal([80, 90, 100], runtime.Nvrtc.SupportedArchitectures());
        Assert.Equal(new CudaDevice(0, 0xC0, 90, 132), runtime.Device(0));
        var path = CudaDispatch.With(() => new Probe<CudaRuntime>.Found(runtime), new StringWriter()).Describe();
        Assert.True(path.CudaKernels);
        Assert.StartsWith($"CUDA kernels: NVRTC 13.0 from {fake.NvrtcPath}, driver {fake.DriverPath}", path.Description);
    }

    [Fact]
    public void ADriverWithoutADeviceOrWithoutNvrtcIsAReason()
    {
        using var cache = new TempFolder();
        Assert.Equal(
            $"cuInit failed in {fake.FailingDriverPath}: no CUDA-capable device is detected",
            Assert.IsType<Probe<CudaRuntime>.Missing>(
                CudaRuntime.Load(new CudaLoadSettings(fake.FailingDriverPath, [fake.NvrtcPath], new KernelDiskCache(cache.Path)))).Why);
        Assert.StartsWith(
            "no usable NVRTC (/no/such/libnvrtc.so does not load",
            Assert.IsType<Probe<CudaRuntime>.Missing>(
                CudaRuntime.Load(new CudaLoadSettings(fake.DriverPath, ["/no/such/libnvrtc.so"], new KernelDiskCache(cache.Path)))).Why);
    }

    [Fact]
    public void AnActivationCompilesOnceWithJiteratorsOptionsAndIsReadFromDiskNextTime()
    {
        using var cache = new TempFolder();
        var (compiles, loads) = (fake.Compiles, fake.ModuleLoads);
        var module = Assert.IsType<Probe<CudaModule>.Found>(fake.Runtime(cache.Path).Module(Activations.PReluTorch, 0)).Value;
        Assert.Equal(compiles + 1, fake.Compiles);
        Assert.Equal(loads + 1, fake.ModuleLoads);

        var names = CudaKernelNames.Of(Activations.PReluTorch.Definition.CudaSource!)!;
        Assert.Equal(24, module.Functions.Count); // forward, backward, grad_0, second_x_x, second_x_0, second_0_0; four element types
        Assert.All(module.Functions, f => Assert.Equal(names.Name(f.Key.Role, f.Key.Element), fake.FunctionName(f.Value)));

        var key = KernelCacheKey.Of(Activations.PReluTorch.Definition.CudaSource!, new CompileTarget(90, true), new NvrtcVersion(13, 0));
        Assert.Equal("IMAGE " + string.Join(" ", Sm90), System.Text.Encoding.UTF8.GetString(new KernelDiskCache(cache.Path).TryRead(key)!));

        var again = fake.Runtime(cache.Path);
        Assert.IsType<Probe<CudaModule>.Found>(again.Module(Activations.PReluTorch, 0));
        Assert.IsType<Probe<CudaModule>.Found>(again.Module(Activations.PReluTorch, 0));
        Assert.Equal(compiles + 1, fake.Compiles);
        Assert.Equal(loads + 2, fake.ModuleLoads);
    }

    [Fact]
    public void ACachedImageTheDriverRefusesIsCompiledAgain()
    {
        using var cache = new TempFolder();
        var source = Activations.EluTorch.Definition.CudaSource!;
        var key = KernelCacheKey.Of(source, new CompileTarget(90, true), new NvrtcVersion(13, 0));
        Assert.True(new KernelDiskCache(cache.Path).TryWrite(key, "BAD image"u8.ToArray()));
        var compiles = fake.Compiles;
        Assert.IsType<Probe<CudaModule>.Found>(fake.Runtime(cache.Path).Module(Activations.EluTorch, 0));
        Assert.Equal(compiles + 1, fake.Compiles);
        Assert.StartsWith("IMAGE ", System.Text.Encoding.UTF8.GetString(new KernelDiskCache(cache.Path).TryRead(key)!));
    }

    [Fact]
    public void ACompileErrorIsAReasonNamingTheActivationWithNvrtcsLogAndIsNotRetried()
    {
        using var cache = new TempFolder();
        var elu = Activations.EluTorch;
        var broken = FakeCudaLibraries.Broken(elu);
        var runtime = fake.Runtime(cache.Path);
        var compiles = fake.Compiles;
        var why = Assert.IsType<Probe<CudaModule>.Missing>(runtime.Module(broken, 0)).Why;
        Assert.Contains("NVRTC could not compile the CUDA kernels of ActGen.Activations.Elu", why);
        Assert.Contains("NVRTC_ERROR_COMPILATION", why);
        Assert.Contains("ActGen.Activations.Elu.cu(1): error: this source says #error", why);
        Assert.IsType<Probe<CudaModule>.Missing>(runtime.Module(broken, 0));
        Assert.Equal(compiles + 1, fake.Compiles);
        Assert.Empty(Directory.GetFiles(cache.Path));
    }

    [Fact]
    public void AMissingDeviceIsAReasonNotAnException()
    {
        using var cache = new TempFolder();
        var missing = Assert.IsType<Probe<CudaModule>.Missing>(fake.Runtime(cache.Path).Module(Activations.EluTorch, 1));
        Assert.Contains("cuDeviceGet failed: invalid device ordinal", missing.Why);
    }
}
