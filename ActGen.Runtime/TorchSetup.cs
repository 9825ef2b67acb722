using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using ActGen.Native;
using TorchSharp;

namespace ActGen;

/// <summary>
/// Makes TorchSharp load on hosts whose libstdc++ lacks <c>GLIBCXX_3.4.32</c> (Debian 12 and the like), with no
/// manual step: the build already puts a fixed <c>libLibTorchSharp.so</c> in every output directory that references
/// ActGen.Runtime, and this runs again, at run time, as soon as any ActGen.Runtime type is used. Call
/// <see cref="EnsureLoaded"/> before the first use of <c>torch</c> to check it explicitly, with a clear error.
/// </summary>
public static class TorchSetup
{
    private static readonly Lazy<NativeFix> Fix = new(TorchNativeLoader.Prepare);

    /// <summary>What the run-time fix did in this process (computed once).</summary>
    internal static NativeFix Outcome => Fix.Value;

    /// <summary>Fixes TorchSharp's native library if this host needs it, then loads TorchSharp's native backend.</summary>
    /// <exception cref="TorchSetupException">The library could not be fixed, or TorchSharp still failed to load.</exception>
    public static void EnsureLoaded()
    {
        var fix = Fix.Value;
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or InvalidOperationException)
        {
            throw new TorchSetupException(
                $"TorchSharp's native backend did not load (ActGen's fix of its native library: {fix}). If torch was used " +
                "before ActGen could fix the library, it is fixed now: run again, and call ActGen.TorchSetup.EnsureLoaded() " +
                "before the first use of torch. See the inner exception for TorchSharp's trace.",
                e);
        }
    }

    /// <summary>
    /// An explicit NVRTC library for the CUDA kernels (a path or soname), tried before <c>$ACTGEN_NVRTC</c> and the
    /// search beside the app and in the CUDA toolkits. Read once, at the first call on a CUDA tensor.
    /// </summary>
    public static string? NvrtcPath { get; set; }

    /// <summary>
    /// Which implementation CUDA tensors run — the generated CUDA kernels, or the TorchScript program — and why. Looks for
    /// NVRTC and the driver only when <c>torch.cuda.is_available()</c>; the answer is kept for the process.
    /// </summary>
    public static GpuPath GpuPath => Cuda.CudaDispatch.Default.Describe();

    /// <summary>
    /// Opt-in: makes libtorch's OpenMP workers spin at most <paramref name="spinCount"/> iterations after each libtorch
    /// op before they sleep (libgomp's <c>GOMP_SPINCOUNT</c>), so that they do not hold the cores ActGen's kernels run
    /// on. It changes libtorch's threading for the whole process: a libtorch op that follows another waits for its
    /// workers to wake. Only before libtorch loads: call it first thing, or set <c>ACTGEN_OMP_SPINCOUNT</c> (read when
    /// any ActGen type is first used). A <c>GOMP_SPINCOUNT</c> already in the environment wins.
    /// </summary>
    /// <returns>False where it is too late (libtorch's OpenMP runtime is loaded) or the host is not Linux.</returns>
    public static bool LimitOpenMpSpinning(long spinCount = 1000) => OpenMpSpinning.Limit(spinCount);

    /// <summary>
    /// <c>GOMP_SPINCOUNT</c> as libtorch's OpenMP runtime sees it (the native environment), or null where unset: what
    /// <see cref="LimitOpenMpSpinning"/> or <c>ACTGEN_OMP_SPINCOUNT</c> did, for reports.
    /// </summary>
    public static string? OpenMpSpinCount => OperatingSystem.IsWindows() ? null : NativeEnvironment.Get("GOMP_SPINCOUNT");

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The fix must precede TorchSharp's first load, which any ActGen type may trigger.")]
    internal static void Initialize()
    {
        // Before the fix, which may load libtorch (and with it libgomp, which reads its spin count once).
        if (OpenMpSpinning.Requested(Environment.GetEnvironmentVariable(OpenMpSpinning.Variable)) is { } spinCount)
        {
            OpenMpSpinning.Limit(spinCount);
        }

        try
        {
            _ = Fix.Value;
        }
        catch (TorchSetupException)
        {
            // Not here: EnsureLoaded rethrows it (Lazy keeps it), and TorchSharp reports its own failure.
        }
    }
}
