using System;
using System.Collections.Concurrent;
using System.IO;

namespace ActGen.Cuda;

/// <summary>
/// The one line on standard error that says why a CUDA call runs the TorchScript program instead of the CUDA kernels:
/// written once per process for a missing runtime, once per activation for a kernel that did not compile (NVRTC's
/// log folded into the line); and once per device where randomized parameters cannot be drawn as on the CPU.
/// </summary>
internal sealed class FallbackLog(Func<TextWriter> writer)
{
    private readonly ConcurrentDictionary<string, bool> written = new(StringComparer.Ordinal);

    public static FallbackLog StandardError { get; } = new(() => Console.Error);

    /// <returns>True when this call wrote the line.</returns>
    public bool Once(string key, string why) =>
        Said(key, $"CUDA tensors run the TorchScript program{(key.Length == 0 ? "" : $" for {key}")}: {why}");

    /// <summary>
    /// Randomized parameters of CUDA tensors drawn by torch's <c>uniform_</c> (so not the CPU's values for a seed), once
    /// per device.
    /// </summary>
    public bool DrawOnce(int ordinal, string why) =>
        Said($"draw on cuda:{ordinal}", $"randomized parameters on cuda:{ordinal} are drawn by torch's uniform_, not the CPU's counter-based draw: {why}");

    /// <summary>"ActGen: " and <paramref name="message"/> on one line, the first time <paramref name="key"/> is said.</summary>
    private bool Said(string key, string message)
    {
        if (!written.TryAdd(key, true))
        {
            return false;
        }

        var line = string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        writer().WriteLine($"ActGen: {line}");
        return true;
    }
}
