using ActGen.Experiments.Cli;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>Where a sweep computes: auto takes CUDA when present, else the CPU.</summary>
public static class Devices
{
    /// <summary>The device for <paramref name="kind"/>, or null when CUDA was asked for and is not available.</summary>
    public static Device? Pick(DeviceKind kind) => kind switch
    {
        DeviceKind.Cuda => cuda.is_available() ? CUDA : null,
        DeviceKind.Cpu => CPU,
        _ => cuda.is_available() ? CUDA : CPU,
    };
}
