using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using ActGen.Cuda;
using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Cuda;

/// <summary>
/// The runtime's native side against stand-in libraries (<see cref="FakeCudaLibraries"/>): loading, the options and
/// names that reach NVRTC and the driver, compile-once with the disk cache, recovery from a refused cached image, a
/// compile error's message, and the arguments and grid of a launch, read back from the fake driver. CPU tensors stand
/// in for CUDA ones (the same THSTensor_data gives their addresses); no kernel runs.
/// </summary>
public unsafe class CudaRuntimeWithFakeLibrariesTests(FakeCudaLibraries fake) : IClassFixture<FakeCudaLibraries>
{
    private static readonly string[] Sm90 = ["--std=c++17", "--gpu-architecture=sm_90", "-default-device", "-DNDEBUG"];

    private IntPtr Export(string library, string name) => NativeLibrary.GetExport(NativeLibrary.Load(library), name);

    private int Compiles => ((delegate* unmanaged<int>)Export(fake.NvrtcPath, "fake_compiles"))();

    private int ModuleLoads => ((delegate* unmanaged<int>)Export(fake.DriverPath, "fake_module_loads"))();

    private int Launches => ((delegate* unmanaged<int>)Export(fake.DriverPath, "fake_launches"))();

    private long Last(int i) => ((delegate* unmanaged<int, long>)Export(fake.DriverPath, "fake_last"))(i);

    private string FunctionName(long handle) =>
        Marshal.PtrToStringUTF8(((delegate* unmanaged<long, IntPtr>)Export(fake.DriverPath, "fake_function_name"))(handle))!;

    private CudaRuntime Runtime(string cache) =>
        Assert.IsType<Probe<CudaRuntime>.Found>(
            CudaRuntime.Load(
                new CudaLoadSettings(fake.DriverPath, ["/no/such/libnvrtc.so", fake.NvrtcPath], new KernelDiskCache(cache)))).Value;

    [Fact]
    public void TheRuntimeLoadsAndReportsWhatItFound()
    {
        using var cache = new TempFolder();
        var runtime = Runtime(cache.Path);
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
        var (compiles, loads) = (Compiles, ModuleLoads);
        var module = Assert.IsType<Probe<CudaModule>.Found>(Runtime(cache.Path).Module(Activations.PReluTorch, 0)).Value;
        Assert.Equal(compiles + 1, Compiles);
        Assert.Equal(loads + 1, ModuleLoads);

        var names = CudaKernelNames.Of(Activations.PReluTorch.Definition.CudaSource!)!;
        Assert.Equal(6, module.Functions.Count); // forward, backward, grad_0; float and double
        Assert.All(module.Functions, f => Assert.Equal(names.Name(f.Key.Role, f.Key.IsDouble), FunctionName(f.Value)));

        var key = KernelCacheKey.Of(Activations.PReluTorch.Definition.CudaSource!, new CompileTarget(90, true), new NvrtcVersion(13, 0));
        Assert.Equal("IMAGE " + string.Join(" ", Sm90), System.Text.Encoding.UTF8.GetString(new KernelDiskCache(cache.Path).TryRead(key)!));

        var again = Runtime(cache.Path);
        Assert.IsType<Probe<CudaModule>.Found>(again.Module(Activations.PReluTorch, 0));
        Assert.IsType<Probe<CudaModule>.Found>(again.Module(Activations.PReluTorch, 0));
        Assert.Equal(compiles + 1, Compiles);
        Assert.Equal(loads + 2, ModuleLoads);
    }

    [Fact]
    public void ACachedImageTheDriverRefusesIsCompiledAgain()
    {
        using var cache = new TempFolder();
        var source = Activations.EluTorch.Definition.CudaSource!;
        var key = KernelCacheKey.Of(source, new CompileTarget(90, true), new NvrtcVersion(13, 0));
        Assert.True(new KernelDiskCache(cache.Path).TryWrite(key, "BAD image"u8.ToArray()));
        var compiles = Compiles;
        Assert.IsType<Probe<CudaModule>.Found>(Runtime(cache.Path).Module(Activations.EluTorch, 0));
        Assert.Equal(compiles + 1, Compiles);
        Assert.StartsWith("IMAGE ", System.Text.Encoding.UTF8.GetString(new KernelDiskCache(cache.Path).TryRead(key)!));
    }

    [Fact]
    public void ACompileErrorIsAReasonNamingTheActivationWithNvrtcsLogAndIsNotRetried()
    {
        using var cache = new TempFolder();
        var elu = Activations.EluTorch;
        var broken = new TorchActivation(
            elu.Definition with { CudaSource = elu.Definition.CudaSource + "\n#error broken\n" },
            elu.LearnableDouble,
            elu.LearnableSingle,
            elu.Script);
        var runtime = Runtime(cache.Path);
        var compiles = Compiles;
        var why = Assert.IsType<Probe<CudaModule>.Missing>(runtime.Module(broken, 0)).Why;
        Assert.Contains("NVRTC could not compile the CUDA kernels of ActGen.Activations.Elu", why);
        Assert.Contains("NVRTC_ERROR_COMPILATION", why);
        Assert.Contains("ActGen.Activations.Elu.cu(1): error: this source says #error", why);
        Assert.IsType<Probe<CudaModule>.Missing>(runtime.Module(broken, 0));
        Assert.Equal(compiles + 1, Compiles);
        Assert.Empty(Directory.GetFiles(cache.Path));
    }

    [Fact]
    public void AMissingDeviceIsAReasonNotAnException()
    {
        using var cache = new TempFolder();
        var missing = Assert.IsType<Probe<CudaModule>.Missing>(Runtime(cache.Path).Module(Activations.EluTorch, 1));
        Assert.Contains("cuDeviceGet failed: invalid device ordinal", missing.Why);
    }

    [Fact]
    public void ALaunchPassesTheTensorsAddressesTheCountAndTheParametersOnStreamZero()
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var runtime = Runtime(cache.Path);
        var module = Assert.IsType<Probe<CudaModule>.Found>(runtime.Module(Activations.EluTorch, 0)).Value;
        var storage = linspace(-3, 3, 5003, dtype: ScalarType.Float32);
        var x = storage.narrow(0, 3, 5000); // a storage offset of 3 elements
        ((delegate* unmanaged<int, void>)Export(fake.DriverPath, "fake_expect_arguments"))(4);
        var launches = Launches;

        var y = CudaLaunch.Run(runtime.Driver, module, Activations.EluTorch.Definition, new KernelRole.Forward(), x, null, [], [0.7]);

        Assert.NotNull(y);
        Assert.Equal(launches + 1, Launches);
        Assert.EndsWith("_Elu_forward_f32", FunctionName(Last(0)));
        Assert.Equal([5L, 1, 1, 256, 1, 1, 0, 0, 1], Enumerable.Range(1, 9).Select(Last)); // 1250 float4 → 5 blocks; stream 0
        Assert.Equal((long)TensorPointer.Of(storage) + 3 * sizeof(float), Last(10));
        Assert.Equal((long)TensorPointer.Of(y!), Last(11));
        Assert.Equal(5000, Last(12));
        Assert.Equal(0.7, BitConverter.Int64BitsToDouble(Last(13)));
        Assert.Equal(x.shape, y!.shape);
    }

    [Fact]
    public void TensorParametersAreOneValueOrOnePerElementAndOtherShapesAreLeftToTorchScript()
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var runtime = Runtime(cache.Path);
        var module = Assert.IsType<Probe<CudaModule>.Found>(runtime.Module(Activations.PReluTorch, 0)).Value;
        var prelu = Activations.PReluTorch.Definition;
        var x = randn(3, 4, dtype: ScalarType.Float64).t(); // not contiguous: a contiguous copy is launched
        var g = randn(4, 3, dtype: ScalarType.Float64);
        ((delegate* unmanaged<int, void>)Export(fake.DriverPath, "fake_expect_arguments"))(6);

        var one = tensor(0.25, dtype: ScalarType.Float32);
        Assert.NotNull(CudaLaunch.Run(runtime.Driver, module, prelu, new KernelRole.Gradient(0), x, g, [one], []));
        Assert.EndsWith("_PRelu_grad_0_f64", FunctionName(Last(0)));
        Assert.NotEqual((long)TensorPointer.Of(x), Last(10));
        Assert.Equal((long)TensorPointer.Of(g), Last(11));
        Assert.Equal(12, Last(13));
        Assert.NotEqual(0, Last(14));
        Assert.Equal(0, Last(15)); // one value: stride 0

        var each = full(4, 3, 0.1, dtype: ScalarType.Float64);
        Assert.NotNull(CudaLaunch.Run(runtime.Driver, module, prelu, new KernelRole.Backward(false), x, g, [each], []));
        Assert.EndsWith("_PRelu_backward_f64", FunctionName(Last(0)));
        Assert.Equal((long)TensorPointer.Of(each), Last(14));
        Assert.Equal(1, Last(15)); // one per element: stride 1

        var launches = Launches;
        var perRow = full(3, 0.1, dtype: ScalarType.Float64);
        Assert.Null(CudaLaunch.Run(runtime.Driver, module, prelu, new KernelRole.Forward(), x, null, [perRow], []));
        Assert.Null(CudaLaunch.Run(runtime.Driver, module, prelu, new KernelRole.Backward(false), x, g.t(), [each], []));
        Assert.Equal(launches, Launches);
    }

    /// <summary>The dispatch as Invocation calls it, with CPU tensors standing in for device 0.</summary>
    [Fact]
    public void TheDispatchRunsEachRolesKernelAndFallsBackPerActivationSayingSoOnce()
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var log = new StringWriter();
        var runtime = Runtime(cache.Path);
        var dispatch = CudaDispatch.With(() => new Probe<CudaRuntime>.Found(runtime), log, _ => 0);
        var expect = (delegate* unmanaged<int, void>)Export(fake.DriverPath, "fake_expect_arguments");
        var x = linspace(-1, 1, 10, dtype: ScalarType.Float32);
        var g = ones_like(x);
        var launches = Launches;

        expect(4);
        Assert.NotNull(dispatch.Forward(Activations.EluTorch, x, [], [1.0]));
        Assert.EndsWith("_Elu_forward_f32", FunctionName(Last(0)));
        expect(4);
        Assert.NotNull(dispatch.Backward(Activations.SigmoidTorch, x, g, [], []));
        Assert.EndsWith("_Sigmoid_backward_from_output_f32", FunctionName(Last(0)));
        expect(6);
        Assert.NotNull(dispatch.Gradient(Activations.PReluTorch, "weight", x, g, [tensor(0.25f)], []));
        Assert.EndsWith("_PRelu_grad_0_f32", FunctionName(Last(0)));
        Assert.Equal(launches + 3, Launches);

        var elu = Activations.EluTorch;
        var broken = new TorchActivation(
            elu.Definition with { CudaSource = elu.Definition.CudaSource + "\n#error broken\n" },
            elu.LearnableDouble,
            elu.LearnableSingle,
            elu.Script);
        Assert.Null(dispatch.Forward(broken, x, [], [1.0]));
        Assert.Null(dispatch.Backward(broken, x, g, [], [1.0]));
        Assert.Equal(launches + 3, Launches);
        var line = Assert.Single(log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ActGen: CUDA tensors run the TorchScript program for ActGen.Activations.Elu: NVRTC could not compile", line);
        Assert.EndsWith("NVRTC_ERROR_COMPILATION ActGen.Activations.Elu.cu(1): error: this source says #error", line);
    }
}
