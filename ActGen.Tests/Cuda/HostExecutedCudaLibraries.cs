using System;
using System.IO;
using System.Linq;
using ActGen.Cuda;
using ActGen.Experiments.Kernels;
using ActGen.Torch;

namespace ActGen.Tests.Cuda;

/// <summary>
/// Stand-ins for <c>libcuda.so.1</c> and NVRTC that run the kernels: the catalog's generated CUDA sources and the draw's
/// are built once with the host C++ compiler (through <see cref="CudaHostShim"/>) into a library, with one thunk per
/// kernel that takes <c>cuLaunchKernel</c>'s argument array; the fake NVRTC's image names that library, and the fake
/// driver loads it and calls the thunk, walking the grid on the CPU. So the runtime's own path — compile, load, resolve,
/// pack the arguments against the ABI, lay out the parameters, launch — computes real values, CPU tensors standing in
/// for CUDA ones (their addresses are host memory).
/// </summary>
public sealed unsafe class HostExecutedCudaLibraries : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "actgen-host-cuda-" + Guid.NewGuid().ToString("N")[..10]);

    public HostExecutedCudaLibraries()
    {
        Directory.CreateDirectory(folder);
        var sources = CommandsActivations().Select(d => d.CudaSource!).Append(CounterUniformSource.Text).ToList();
        var kernels = FakeCudaLibraries.Build(
            folder, "libkernels-host.so", CudaHostShim.Header + string.Join("\n", sources) + "\n" + string.Join("\n", sources.Select(Thunks)) + "\n", "");
        NvrtcPath = FakeCudaLibraries.Build(
            folder, "libnvrtc-host.so.13", $"#define HOST_IMAGE \"HOSTLIB {kernels}\"\n" + FakeCudaLibraries.Nvrtc, "");
        DriverPath = FakeCudaLibraries.Build(folder, "libcuda-host.so.1", FakeCudaLibraries.Driver, "-DEXECUTE -ldl");
        DriverFolder = Path.Combine(folder, "driver");
        Directory.CreateDirectory(DriverFolder);
        File.Copy(DriverPath, Path.Combine(DriverFolder, CudaDriver.DefaultLibrary));
    }

    /// <summary>A folder holding the stand-in driver as <c>libcuda.so.1</c>, for a process that finds it by soname.</summary>
    public string DriverFolder { get; }

    public string NvrtcPath { get; }

    public string DriverPath { get; }

    /// <summary>Kernel launches the stand-in driver ran, in this fixture.</summary>
    public int Launches => ((delegate* unmanaged<int>)FakeCudaLibraries.Export(DriverPath, "fake_launches"))();

    /// <summary>Makes every later <c>cuLaunchKernel</c> return <paramref name="result"/> (0: succeed again) without launching.</summary>
    public void FailLaunches(int result) => ((delegate* unmanaged<int, void>)FakeCudaLibraries.Export(DriverPath, "fake_fail_launches"))(result);

    /// <summary>Buffers allocated through <c>cuMemAlloc_v2</c> and not yet freed.</summary>
    public int LiveAllocations => ((delegate* unmanaged<int>)FakeCudaLibraries.Export(DriverPath, "fake_live_allocations"))();

    /// <summary>A runtime over the stand-ins, its disk cache in <paramref name="cache"/>.</summary>
    internal CudaRuntime Runtime(string cache) =>
        CudaRuntime.Load(new CudaLoadSettings(DriverPath, [NvrtcPath], new KernelDiskCache(cache))) is Probe<CudaRuntime>.Found found
            ? found.Value
            : throw new InvalidOperationException("the runtime did not load over the host-executing stand-ins");

    /// <summary>What <c>actgen</c> registers (the catalog and the experiments' own), in the order it checks them.</summary>
    internal static System.Collections.Generic.IReadOnlyList<ActivationDefinition> CommandsActivations()
    {
        ActivationRegistry.EnsureCatalog();
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(
            typeof(ActGen.Experiments.Activations.ExtraActivations).Module.ModuleHandle);
        return ActivationRegistry.All
            .Where(d => d.Owner is "ActGen.Activations" or "ActGen.Experiments.Activations.ExtraActivations")
            .ToList();
    }

    /// <summary>
    /// Per kernel, <c>actgen_params_{name}(grid, block, void** params)</c>: each argument read from its slot with the
    /// type the kernel declares (so a slot packed with the wrong kind or order gives wrong values, not a crash).
    /// </summary>
    private static string Thunks(string source) =>
        string.Join("\n", CudaKernelDeclaration.In(source).Select(k =>
        {
            var arguments = string.Join(", ", k.Parameters.Select((p, i) => $"*({p.Type}*)params[{i}]"));
            return $"extern \"C\" void actgen_params_{k.Name}(unsigned grid, unsigned block, void** params) "
                + $"{{ actgen_host_launch(grid, block, [&] {{ {k.Name}({arguments}); }}); }}";
        }));

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The catalog's activations as the generated tensor code hands them to the runtime.</summary>
internal static class CatalogActivations
{
    public static readonly TorchActivation[] All = typeof(Activations)
        .GetProperties(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
        .Where(p => p.PropertyType == typeof(TorchActivation))
        .Select(p => (TorchActivation)p.GetValue(null)!)
        .OrderBy(a => a.Definition.Name, StringComparer.Ordinal)
        .ToArray();
}
