using System;
using System.Collections.Concurrent;
using System.IO;

namespace ActGen.Cuda;

/// <summary>
/// The one line on standard error that says why a CUDA call runs the TorchScript program instead of the CUDA kernels:
/// written once per process for a missing runtime, once per activation for a kernel that did not compile (NVRTC's
/// log folded into the line).
/// </summary>
internal sealed class FallbackLog(Func<TextWriter> writer)
{
    private readonly ConcurrentDictionary<string, bool> written = new(StringComparer.Ordinal);

    public static FallbackLog StandardError { get; } = new(() => Console.Error);

    /// <returns>True when this call wrote the line.</returns>
    public bool Once(string key, string why)
    {
        if (!written.TryAdd(key, true))
        {
            return false;
        }

        var line = string.Join(" ", why.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        writer().WriteLine($"ActGen: CUDA tensors run the TorchScript program{(key.Length == 0 ? "" : $" for {key}")}: {line}");
        return true;
    }
}
