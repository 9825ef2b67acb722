using System;
using System.Collections.Concurrent;
using System.IO;
using ActGen.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ActGen.Cuda;

/// <summary>
/// Decides whether a call runs the generated CUDA kernels and runs them; null means "not here", and the caller runs the
/// TorchScript program. Only CUDA float32/float64/float16/bfloat16 tensors on the automatic path get past the first (managed) checks, so
/// CPU calls never touch anything native here. The runtime is looked for once, on the first such call, and only when
/// <c>torch.cuda.is_available()</c>; whatever is missing is said once, in one line. A driver error while running an
/// activation's kernels (at launch) sends that activation on that device to TorchScript from then on, the failing call
/// included: said once, never thrown.
/// </summary>
/// <param name="deviceOf">The device ordinal of a tensor the kernels take, else null (tests stand CPU tensors in).</param>
internal sealed class CudaDispatch(Lazy<Probe<CudaRuntime>> runtime, FallbackLog log, Func<Tensor, int?>? deviceOf = null)
{
    private readonly Func<Tensor, int?> ordinalOf = deviceOf ?? (x => Takes(x) ? x.device_index : null);

    private readonly ConcurrentDictionary<(TorchActivation Activation, int Ordinal), bool> failed = new();
    private readonly ConcurrentDictionary<int, bool> failedDraws = new();

    public static CudaDispatch Default { get; } = new(new Lazy<Probe<CudaRuntime>>(Find), FallbackLog.StandardError);

    /// <summary>The process's runtime: nothing native is opened unless torch sees a CUDA device.</summary>
    private static Probe<CudaRuntime> Find()
    {
        try
        {
            return cuda.is_available()
                ? CudaRuntime.Load(CudaLoadSettings.FromEnvironment())
                : Probe<CudaRuntime>.No("torch.cuda.is_available() is false");
        }
        catch (Exception e)
        {
            return Probe<CudaRuntime>.No($"looking for the CUDA runtime failed: {e.Message}");
        }
    }

    /// <summary>For tests: a dispatch over the runtime that <paramref name="load"/> finds, logging to <paramref name="writer"/>.</summary>
    public static CudaDispatch With(Func<Probe<CudaRuntime>> load, TextWriter writer, Func<Tensor, int?>? deviceOf = null) =>
        new(new(load), new(() => writer), deviceOf);

    public Tensor? Forward(TorchActivation a, Tensor x, Tensor[] tensors, double[] hyper) =>
        Run(a, new KernelRole.Forward(), x, null, tensors, hyper);

    /// <summary>gy · f′ from x, or from y where the definition's backward reads the output.</summary>
    public Tensor? Backward(TorchActivation a, Tensor x, Tensor gradOutput, Tensor[] tensors, double[] hyper) =>
        Run(a, new KernelRole.Backward(a.Definition.BackwardFromOutput), x, gradOutput, tensors, hyper);

    /// <summary>gy · ∂f/∂θ per element for learnable parameter <paramref name="name"/> (the caller sums it to θ's shape).</summary>
    public Tensor? Gradient(TorchActivation a, string name, Tensor x, Tensor gradOutput, Tensor[] tensors, double[] hyper) =>
        Run(a, new KernelRole.Gradient(IndexOf(a.Definition, name)), x, gradOutput, tensors, hyper);

    /// <summary>
    /// gg · gy · ∂²f/∂a∂b per element (a, b: null for the input, else a learnable parameter's name), the backward's own
    /// backward; <paramref name="source"/> is x, or y where the backward reads the output. Null where the generated code
    /// has no second-order kernel of {a, b}.
    /// </summary>
    public Tensor? Second(
        TorchActivation a, string? first, string? second, Tensor source, Tensor gradOutput, Tensor gradGrad, Tensor[] tensors, double[] hyper) =>
        CudaKernelNames.Second(a.Definition, first, second) is { } role
            ? Run(a, role, source, gradOutput, tensors, hyper, gradGrad)
            : null;

    /// <summary>
    /// Fills <paramref name="values"/> (a new contiguous CUDA float32 or float64 tensor) with U(lower, upper) by the CPU's
    /// counter-based draw from <paramref name="seed"/>, so one seed gives the same values on both; false where that cannot
    /// be done here (the caller draws with torch's <c>uniform_</c>), said once per device. A driver error stops the draw
    /// on that device from then on.
    /// </summary>
    public bool Draw(Tensor values, ulong seed, double lower, double upper)
    {
        if (ordinalOf(values) is not { } ordinal || failedDraws.ContainsKey(ordinal))
        {
            return false;
        }

        if (Available() is not { } cuda)
        {
            log.DrawOnce(ordinal, "the CUDA runtime was not found");
            return false;
        }

        switch (cuda.Uniform(ordinal))
        {
            case Probe<CounterUniformModule>.Found found:
                try
                {
                    return found.Value.Fill(cuda.Driver, values, seed, lower, upper);
                }
                catch (CudaDriverException e)
                {
                    failedDraws.TryAdd(ordinal, true);
                    log.DrawOnce(ordinal, $"{e.Message} running the draw's kernel; this draw and every later one use uniform_");
                    return false;
                }

            case Probe<CounterUniformModule>.Missing missing:
                log.DrawOnce(ordinal, missing.Why);
                return false;
            default:
                return false;
        }
    }

    /// <summary>The runtime when it was found; else null, after saying why (once).</summary>
    public CudaRuntime? Available()
    {
        var probe = runtime.Value;
        if (probe is Probe<CudaRuntime>.Missing missing)
        {
            log.Once("", missing.Why);
        }

        return (probe as Probe<CudaRuntime>.Found)?.Value;
    }

    /// <summary>Which path CUDA tensors take, and why; looks for the runtime if no call has yet, but logs nothing.</summary>
    public GpuPath Describe() =>
        runtime.Value switch
        {
            Probe<CudaRuntime>.Found f => new GpuPath(
                true,
                $"CUDA kernels: NVRTC {f.Value.Nvrtc.Version} from {f.Value.Nvrtc.Library}, driver {f.Value.Driver.Library} "
                + "(compiled per activation and device on first use; an activation that does not compile runs TorchScript)"),
            Probe<CudaRuntime>.Missing m => new GpuPath(false, $"TorchScript: {m.Why}"),
            _ => new GpuPath(false, "TorchScript"),
        };

    /// <summary>Managed checks only: a CUDA tensor of an element type the kernels are generated for, on the automatic path.</summary>
    public static bool Takes(Tensor x) =>
        KernelPathSetting.Path == KernelPath.Auto
        && x.device_type == DeviceType.CUDA
        && KernelElement.Of(x.dtype) is not null;

    private Tensor? Run(
        TorchActivation a, KernelRole role, Tensor x, Tensor? gradOutput, Tensor[] tensors, double[] hyper, Tensor? gradGrad = null)
    {
        if (ordinalOf(x) is not { } ordinal || failed.ContainsKey((a, ordinal)) || Available() is not { } cuda)
        {
            return null;
        }

        switch (cuda.Module(a, ordinal))
        {
            case Probe<CudaModule>.Found found:
                return Launched(cuda, found.Value, a, ordinal, role, x, gradOutput, tensors, hyper, gradGrad);
            case Probe<CudaModule>.Missing missing:
                log.Once($"{a.Definition.Owner}.{a.Definition.Name}", missing.Why);
                return null;
            default:
                return null;
        }
    }

    private Tensor? Launched(
        CudaRuntime cuda,
        CudaModule module,
        TorchActivation a,
        int ordinal,
        KernelRole role,
        Tensor x,
        Tensor? gradOutput,
        Tensor[] tensors,
        double[] hyper,
        Tensor? gradGrad)
    {
        try
        {
            return CudaLaunch.Run(cuda.Driver, module, a.Definition, role, x, gradOutput, tensors, hyper, gradGrad);
        }
        catch (CudaDriverException e)
        {
            failed.TryAdd((a, ordinal), true);
            log.Once(
                $"{a.Definition.Owner}.{a.Definition.Name} on cuda:{ordinal}",
                $"{e.Message} running its {role.Suffix} kernel; this call and every later one run TorchScript");
            return null;
        }
    }

    private static int IndexOf(ActivationDefinition definition, string name)
    {
        for (var k = 0; k < definition.Parameters.Count; k++)
        {
            if (definition.Parameters[k].Name == name)
            {
                return k;
            }
        }

        throw new ArgumentException($"{definition.Name} has no parameter {name}", nameof(name));
    }
}
