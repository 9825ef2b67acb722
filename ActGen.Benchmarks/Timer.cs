using System;
using System.Diagnostics;

namespace ActGen.Benchmarks;

/// <summary>Milliseconds per call of an action, batched so that one sample is long enough for the clock.</summary>
public static class Timer
{
    /// <summary>The mean time of <paramref name="calls"/> back-to-back calls, in ms.</summary>
    public static double PerCall(Action action, int calls)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++) action();
        return clock.Elapsed.TotalMilliseconds / calls;
    }

    /// <summary>How many calls make a sample of at least <paramref name="minMs"/> (one call when a call is that long).</summary>
    public static int CallsFor(Action action, double minMs)
    {
        var once = Math.Max(PerCall(action, 1), PerCall(action, 1));
        once = Math.Min(once, PerCall(action, 1));
        return once >= minMs ? 1 : (int)Math.Clamp(Math.Ceiling(minMs / Math.Max(once, 1e-5)), 1, 100_000);
    }
}
