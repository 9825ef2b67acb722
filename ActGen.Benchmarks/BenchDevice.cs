using System;
using TorchSharp;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>
/// Where the bench's tensors live. CUDA calls return before their kernels end, so a timed loop on CUDA ends with a
/// synchronisation (once per sample, not per call); the span kernels and the managed copy exist only on the CPU.
/// </summary>
public sealed record BenchDevice(DeviceType Type)
{
    public static BenchDevice Cpu { get; } = new(DeviceType.CPU);

    public static BenchDevice Cuda { get; } = new(DeviceType.CUDA);

    public bool IsCpu => Type == DeviceType.CPU;

    public Device Device => new(Type);

    public string Name => IsCpu ? "cpu" : "cuda";

    /// <summary>What a timed loop runs after its last call: nothing on the CPU, a device synchronisation on CUDA.</summary>
    public Action? Synchronize => IsCpu ? null : () => cuda.synchronize();

    /// <summary>The device named <paramref name="name"/> when this machine has it, else a message naming the argument.</summary>
    public static (BenchDevice? Device, string? Error) Parse(string name, bool cudaAvailable) => name.Trim().ToLowerInvariant() switch
    {
        "cpu" => (Cpu, null),
        "cuda" when cudaAvailable => (Cuda, null),
        "cuda" => (null, "--device cuda: this machine has no CUDA device (torch.cuda.is_available() is false)"),
        _ => (null, $"--device: expected cpu or cuda, got '{name}'"),
    };
}
