using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading.Tasks;

namespace ActGen.Benchmarks;

/// <summary>
/// A small fixed reference op timed before and after every round of samples: a parallel vector sum over 2 × 2^15
/// floats (in cache: sees competition for the cores) and a parallel copy of 2^21 floats (sees competition for memory
/// bandwidth); a reading is the larger of the two ratios to their own baselines. The machine has slow spells (10–40×) and other processes compete for its two cores:
/// a round whose sentinel is well above the run's baseline was taken in such a spell and is taken again.
/// </summary>
public sealed class Sentinel
{
    private const int Length = 1 << 15;
    private readonly float[][] data = [Filled(), Filled()];
    private readonly List<double> readings = [];
    private readonly List<double> copyReadings = [];
    private readonly float[] source = new float[1 << 21], target = new float[1 << 21];

    /// <summary>A round is slow when its sentinel exceeds this many times the baseline.</summary>
    public double Threshold { get; init; } = 1.5;

    /// <summary>The 10th percentile of every reading so far: the machine's quiet speed (a busy machine never reads faster).</summary>
    public double Baseline => Stats.Quantile(readings, 0.10);

    /// <summary>Takes the first readings.</summary>
    public void Calibrate()
    {
        for (var i = 0; i < 41; i++) Read();
    }

    /// <summary>One reading: the sum's time in ms (the best of three), scaled up where the copy was slower still.</summary>
    public double Read()
    {
        var (sum, copy) = (double.MaxValue, double.MaxValue);
        for (var i = 0; i < 3; i++) sum = Math.Min(sum, Timer.PerCall(Op, 1));
        for (var i = 0; i < 2; i++) copy = Math.Min(copy, Timer.PerCall(Copy, 1));
        readings.Add(sum);
        copyReadings.Add(copy);
        var copyRatio = copy / Stats.Quantile(copyReadings, 0.10);
        return Math.Max(sum, Baseline * copyRatio);
    }

    /// <summary>How many times the baseline <paramref name="reading"/> is.</summary>
    public double Ratio(double reading) => reading / Baseline;

    private void Copy() => Parallel.For(0, 2, w =>
    {
        var half = source.Length / 2;
        source.AsSpan(w * half, half).CopyTo(target.AsSpan(w * half, half));
    });

    public bool IsSlow(double reading) => Ratio(reading) > Threshold;

    /// <summary>Waits before retry <paramref name="attempt"/> (0, 1, …): 50 ms, doubling up to 800 ms, so that a spell can pass.</summary>
    public static void Backoff(int attempt) => System.Threading.Thread.Sleep(50 << System.Math.Min(attempt, 4));

    private void Op() => Parallel.For(0, data.Length, w =>
    {
        var sum = Vector<float>.Zero;
        for (var pass = 0; pass < 4; pass++)
            for (var i = 0; i <= Length - Vector<float>.Count; i += Vector<float>.Count)
                sum += new Vector<float>(data[w], i);
        if (Vector.Sum(sum) == float.NegativeInfinity) throw new InvalidOperationException("unreachable");
    });

    private static float[] Filled()
    {
        var a = new float[Length];
        for (var i = 0; i < a.Length; i++) a[i] = i % 7;
        return a;
    }
}
