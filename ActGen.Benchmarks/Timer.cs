using System;
using System.Diagnostics;

namespace ActGen.Benchmarks;

/// <summary>Milliseconds per call of an action, batched so that one sample is long enough for the clock.</summary>
public static class Timer
{
    /// <summary>The mean time of <paramref name="calls"/> back-to-back calls, in ms, until <paramref name="synchronize"/> returns.</summary>
    public static double PerCall(Action action, int calls, Action? synchronize = null)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++) action();
        synchronize?.Invoke();
        return clock.Elapsed.TotalMilliseconds / calls;
    }

    /// <summary>How many calls make a sample of at least <paramref name="minMs"/> (one call when a call is that long).</summary>
    public static int CallsFor(Action action, double minMs, Action? synchronize = null)
    {
        var once = Math.Max(PerCall(action, 1, synchronize), PerCall(action, 1, synchronize));
        once = Math.Min(once, PerCall(action, 1, synchronize));
        return once >= minMs ? 1 : (int)Math.Clamp(Math.Ceiling(minMs / Math.Max(once, 1e-5)), 1, 100_000);
    }
}
