using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace ActGen.Tests.Torch;

/// <summary>
/// Calls repeated for a while as another thread collects and runs finalizers all along, each result compared with the
/// call's first: what a call hands native code without holding it is freed mid-call sooner or later, and then the
/// process ends or a result differs.
/// </summary>
internal static class FinalizerRace
{
    /// <param name="calls">Each call with its label, run through <paramref name="result"/> (which reads out what it gives).</param>
    /// <returns>0 when every call gave its first result again for <paramref name="seconds"/>; 3 at the first that did not.</returns>
    public static int Run<T>(IReadOnlyList<(string Label, T Call)> calls, Func<T, double[]> result, double seconds)
    {
        var expected = new double[calls.Count][];
        for (var i = 0; i < calls.Count; i++)
        {
            expected[i] = result(calls[i].Call);
        }

        var stop = 0;
        var collector = new Thread(() =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                GC.Collect(0);
                GC.WaitForPendingFinalizers();
            }
        })
        { IsBackground = true };
        collector.Start();
        try
        {
            var clock = Stopwatch.StartNew();
            var count = 0L;
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                for (var i = 0; i < calls.Count; i++, count++)
                {
                    if (!Same(result(calls[i].Call), expected[i]))
                    {
                        Console.Error.WriteLine($"{calls[i].Label}: a result differs from the first one (call {count})");
                        return 3;
                    }
                }
            }

            Console.WriteLine($"{count} calls, all results as before");
            return 0;
        }
        finally
        {
            Volatile.Write(ref stop, 1);
        }
    }

    /// <summary>Equal element by element, NaN with NaN.</summary>
    private static bool Same(double[] a, double[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && !(double.IsNaN(a[i]) && double.IsNaN(b[i])))
            {
                return false;
            }
        }

        return true;
    }
}
