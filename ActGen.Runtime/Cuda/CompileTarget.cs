using System.Collections.Generic;
using System.Linq;

namespace ActGen.Cuda;

/// <summary>
/// What NVRTC compiles for, as PyTorch's jiterator chooses it: a cubin for the device's own architecture when NVRTC lists
/// it, else PTX for the newest architecture NVRTC lists below the device's (the driver compiles PTX for the device).
/// Architectures are numbers like 90 (sm_90); no fast-math, so NaN and ∞ behave as on the CPU.
/// </summary>
internal sealed record CompileTarget(int Architecture, bool Cubin)
{
    public IReadOnlyList<string> Options =>
        ["--std=c++17", $"--gpu-architecture={(Cubin ? "sm" : "compute")}_{Architecture}", "-default-device", "-DNDEBUG"];

    /// <param name="device">The device's compute capability as major·10 + minor.</param>
    /// <param name="supported">What <c>nvrtcGetSupportedArchs</c> lists; empty where NVRTC cannot say (then PTX for the device).</param>
    /// <returns>Null when the device is older than every architecture NVRTC supports.</returns>
    public static CompileTarget? For(int device, IReadOnlyList<int> supported) =>
        supported.Count == 0 ? new CompileTarget(device, false)
        : supported.Contains(device) ? new CompileTarget(device, true)
        : supported.Where(a => a < device).DefaultIfEmpty(-1).Max() is var below and >= 0 ? new CompileTarget(below, false)
        : null;
}

/// <summary>NVRTC's version, part of every cache key (a newer NVRTC may compile the same source differently).</summary>
internal sealed record NvrtcVersion(int Major, int Minor)
{
    public override string ToString() => $"{Major}.{Minor}";
}
