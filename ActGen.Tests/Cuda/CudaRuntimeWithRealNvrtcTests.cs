using System;
using System.Linq;
using ActGen.Cuda;
using ActGen.Tests.Kernels;
using Xunit;

namespace ActGen.Tests.Cuda;

/// <summary>
/// The runtime's compile path with a real NVRTC and the stand-in driver (one sm_90 device, <see cref="FakeCudaLibraries"/>):
/// what the runtime caches and hands the driver is a real cubin for the device, holding every kernel it then asks for.
/// </summary>
public class CudaRuntimeWithRealNvrtcTests(FakeCudaLibraries fake) : IClassFixture<FakeCudaLibraries>
{
    [NvrtcFact]
    public void TheRuntimeCompilesACubinForTheDeviceCachesItAndResolvesEveryKernelInIt()
    {
        using var cache = new TempFolder();
        var nvrtc = NvrtcFactAttribute.Nvrtc;
        var runtime = Assert.IsType<Probe<CudaRuntime>.Found>(
            CudaRuntime.Load(new CudaLoadSettings(fake.DriverPath, [nvrtc.Library], new KernelDiskCache(cache.Path)))).Value;
        var loads = fake.ModuleLoads;
        var module = Assert.IsType<Probe<CudaModule>.Found>(runtime.Module(Activations.PReluTorch, 0)).Value;
        Assert.Equal(loads + 1, fake.ModuleLoads);

        var source = Activations.PReluTorch.Definition.CudaSource!;
        var image = new KernelDiskCache(cache.Path).TryRead(KernelCacheKey.Of(source, new CompileTarget(90, true), runtime.Nvrtc.Version));
        Assert.NotNull(image);
        Assert.True(image.AsSpan().StartsWith("\u007fELF"u8), "the cached image is not a cubin");
        var names = CudaKernelNames.Of(source)!;
        Assert.Equal(24, module.Functions.Count);
        Assert.All(module.Functions, f =>
        {
            var name = names.Name(f.Key.Role, f.Key.Element);
            Assert.Equal(name, fake.FunctionName(f.Value));
            Assert.True(image.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(name + "\0")) >= 0, $"{name} is not in the cubin");
        });
    }

    /// <summary>
    /// First calls on several activations at once (a sweep's threads, a user's) compile concurrently through one NVRTC:
    /// each gets its own module, none a failure (NVRTC's programs are independent; 63 compiles on 8 threads also passed
    /// with 11.8 and 12.4 when tried).
    /// </summary>
    [NvrtcFact]
    public void ActivationsFirstUsedAtOnceCompileConcurrently()
    {
        using var cache = new TempFolder();
        var runtime = Assert.IsType<Probe<CudaRuntime>.Found>(CudaRuntime.Load(
            new CudaLoadSettings(fake.DriverPath, [NvrtcFactAttribute.Nvrtc.Library], new KernelDiskCache(cache.Path)))).Value;
        ActivationRegistry.EnsureCatalog();
        var definitions = new[] { "Tanh", "Mish", "Gelu", "Silu", "Elu", "Softplus" }
            .Select(n => ActivationRegistry.All.Single(d => d.Owner == "ActGen.Activations" && d.Name == n))
            .ToArray();
        var modules = new Probe<CudaModule>[definitions.Length];
        System.Threading.Tasks.Parallel.For(0, definitions.Length, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = definitions.Length },
            i => modules[i] = runtime.Module(definitions[i], 0));
        Assert.All(modules.Zip(definitions), m => Assert.True(m.First is Probe<CudaModule>.Found, $"{m.Second.Name}: {m.First}"));
        Assert.All(definitions, d => Assert.True(new KernelDiskCache(cache.Path)
            .TryRead(KernelCacheKey.Of(d.CudaSource!, new CompileTarget(90, true), runtime.Nvrtc.Version)) is { } image
            && image.AsSpan().StartsWith("\u007fELF"u8), d.Name));
    }

    [NvrtcFact]
    public void TheDrawCompilesThroughTheRuntimeToo()
    {
        using var cache = new TempFolder();
        var runtime = Assert.IsType<Probe<CudaRuntime>.Found>(CudaRuntime.Load(
            new CudaLoadSettings(fake.DriverPath, [NvrtcFactAttribute.Nvrtc.Library], new KernelDiskCache(cache.Path)))).Value;
        Assert.IsType<Probe<CounterUniformModule>.Found>(runtime.Uniform(0));
        var image = new KernelDiskCache(cache.Path)
            .TryRead(KernelCacheKey.Of(CounterUniformSource.Text, new CompileTarget(90, true), runtime.Nvrtc.Version));
        Assert.NotNull(image);
        Assert.All(CudaKernelNames.All(CounterUniformSource.Text), name =>
            Assert.True(image.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(name + "\0")) >= 0, name));
    }
}
