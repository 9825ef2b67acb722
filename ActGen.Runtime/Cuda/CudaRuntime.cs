using System;
using System.Collections.Concurrent;
using ActGen.Torch;

namespace ActGen.Cuda;

/// <summary>
/// The driver and NVRTC, once both are found, with each device opened once and each activation compiled once per
/// device (a failure is kept too, so it is neither retried nor logged again).
/// </summary>
internal sealed class CudaRuntime(CudaDriver driver, Nvrtc nvrtc, KernelImages images)
{
    private readonly ConcurrentDictionary<int, Lazy<CudaDevice>> devices = new();
    private readonly ConcurrentDictionary<(ActivationDefinition, int), Lazy<Probe<CudaModule>>> modules = new(DefinitionOnDevice.Instance);
    private readonly ConcurrentDictionary<int, Lazy<Probe<CounterUniformModule>>> uniforms = new();

    public CudaDriver Driver => driver;

    public Nvrtc Nvrtc => nvrtc;

    /// <summary>The driver first (no GPU without it), then the first NVRTC that works.</summary>
    public static Probe<CudaRuntime> Load(CudaLoadSettings settings) =>
        CudaDriver.Load(settings.Driver, settings.SynchronizeLaunches).Then(driver =>
            Nvrtc.Load(settings.NvrtcCandidates).Then(nvrtc =>
                (Probe<CudaRuntime>)new Probe<CudaRuntime>.Found(new CudaRuntime(driver, nvrtc, new KernelImages(settings.Cache)))));

    public CudaDevice Device(int ordinal) => devices.GetOrAdd(ordinal, o => new Lazy<CudaDevice>(() => CudaDevice.Open(driver, o))).Value;

    /// <summary>The activation's kernels on the device, compiled (or read from a cache) and loaded on first use.</summary>
    public Probe<CudaModule> Module(TorchActivation activation, int ordinal) => Module(activation.Definition, ordinal);

    /// <inheritdoc cref="Module(TorchActivation, int)"/>
    public Probe<CudaModule> Module(ActivationDefinition definition, int ordinal) =>
        modules.GetOrAdd((definition, ordinal), k => new Lazy<Probe<CudaModule>>(() => Build(k.Item1, k.Item2))).Value;

    /// <summary>The counter-based draw's kernels on the device (<see cref="CounterUniformSource"/>), compiled on first use.</summary>
    public Probe<CounterUniformModule> Uniform(int ordinal) =>
        uniforms.GetOrAdd(ordinal, o => new Lazy<Probe<CounterUniformModule>>(() =>
            Compiled("ActGen's counter-based draw", CounterUniformSource.Text, o, (device, image) => CounterUniformModule.Load(driver, device, image)))).Value;

    private Probe<CudaModule> Build(ActivationDefinition definition, int ordinal)
    {
        var name = $"{definition.Owner}.{definition.Name}";
        return definition.CudaSource is not { } source || CudaKernelNames.Of(source) is not { } names
            ? Probe<CudaModule>.No($"{name} has no generated CUDA source (built by an older ActGen)")
            : Compiled(name, source, ordinal, (device, image) => CudaModule.Load(driver, device, image, definition, names));
    }

    /// <summary>
    /// <paramref name="source"/> compiled for the device (or read from a cache) and loaded by <paramref name="load"/>; a
    /// cached image the driver refuses (damaged, or from another driver) is compiled afresh, once.
    /// </summary>
    private Probe<T> Compiled<T>(string name, string source, int ordinal, Func<CudaDevice, byte[], Probe<T>> load)
    {
        try
        {
            var device = Device(ordinal);
            if (CompileTarget.For(device.Architecture, nvrtc.SupportedArchitectures()) is not { } target)
            {
                return Probe<T>.No($"NVRTC {nvrtc.Version} ({nvrtc.Library}) cannot compile for sm_{device.Architecture}");
            }

            var key = KernelCacheKey.Of(source, target, nvrtc.Version);
            var loaded = load(device, images.Get(key, () => Compile(name, source, target)));
            if (loaded is Probe<T>.Missing)
            {
                images.Forget(key);
                loaded = load(device, images.Get(key, () => Compile(name, source, target)));
            }

            return loaded;
        }
        catch (Exception e) when (e is CudaCompileException or InvalidOperationException)
        {
            return Probe<T>.No(e.Message);
        }
    }

    private byte[] Compile(string activation, string source, CompileTarget target)
    {
        var output = nvrtc.Compile(source, activation + ".cu", target);
        return output.Image is { Length: > 0 } image
            ? image
            : throw new CudaCompileException(activation, string.Join(" ", target.Options), output.Log);
    }
}

/// <summary>An activation (by reference: its record equality would hash every field on every call) on a device.</summary>
file sealed class DefinitionOnDevice : System.Collections.Generic.IEqualityComparer<(ActivationDefinition Definition, int Ordinal)>
{
    public static readonly DefinitionOnDevice Instance = new();

    public bool Equals((ActivationDefinition Definition, int Ordinal) a, (ActivationDefinition Definition, int Ordinal) b) =>
        ReferenceEquals(a.Definition, b.Definition) && a.Ordinal == b.Ordinal;

    public int GetHashCode((ActivationDefinition Definition, int Ordinal) k) =>
        HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Definition), k.Ordinal);
}
