using System;
using System.Threading;

namespace ActGen.Torch;

/// <summary>Which implementation runs a call; tests force the TorchScript path to compare it with the kernels.</summary>
public enum KernelPath
{
    /// <summary>Managed span kernels for contiguous float32/float64 CPU tensors, TorchScript otherwise.</summary>
    Auto,

    /// <summary>Always the TorchScript composition (what CUDA and other dtypes use).</summary>
    Script,
}

/// <summary>The kernel path in force on this async flow (default <see cref="KernelPath.Auto"/>).</summary>
public static class KernelPathSetting
{
    private static readonly AsyncLocal<KernelPath> Current = new();

    public static KernelPath Path => Current.Value;

    /// <summary>Uses <paramref name="path"/> until the returned scope is disposed.</summary>
    public static IDisposable Use(KernelPath path)
    {
        var previous = Current.Value;
        Current.Value = path;
        return new Scope(() => Current.Value = previous);
    }

    private sealed class Scope(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
