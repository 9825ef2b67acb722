using System;
using System.Collections.Generic;
using System.Linq;

namespace ActGen.Benchmarks;

/// <summary>Something to time: a name and one call.</summary>
public sealed record Subject(string Name, Action Call);

/// <summary>The timing of one subject: median and best of its samples, in ms per call.</summary>
/// <param name="Retries">Rounds taken again because the sentinel saw a slow spell.</param>
/// <param name="WorstSentinel">The largest sentinel/baseline ratio among the rounds kept.</param>
/// <param name="SlowRounds">Rounds kept although still slow after every retry.</param>
public sealed record Timed(string Name, double MedianMs, double MinMs, int CallsPerSample, int Samples, int Retries, double WorstSentinel, int SlowRounds);

/// <summary>
/// Times several subjects in rounds: each round takes one sample of every subject, in an order rotated from
/// round to round, between two sentinel readings, so that machine noise hits all subjects alike.
/// </summary>
public static class Interleaved
{
    public static IReadOnlyList<Timed> Measure(
        IReadOnlyList<Subject> subjects, Sentinel sentinel, int reps, int maxRetries, double minSampleMs, Action? synchronize = null)
    {
        var calls = subjects.Select(s => Timer.CallsFor(s.Call, minSampleMs, synchronize)).ToArray();
        var samples = subjects.Select(_ => new List<double>()).ToArray();
        var (retries, worst, slow) = (0, 0.0, 0);
        for (var round = 0; round < reps; round++)
        {
            for (var attempt = 0; ; attempt++)
            {
                var before = sentinel.Read();
                var taken = new double[subjects.Count];
                for (var k = 0; k < subjects.Count; k++)
                {
                    var j = (k + round) % subjects.Count;
                    taken[j] = Timer.PerCall(subjects[j].Call, calls[j], synchronize);
                }

                var ratio = Math.Max(sentinel.Ratio(before), sentinel.Ratio(sentinel.Read()));
                if (ratio > sentinel.Threshold && attempt < maxRetries)
                {
                    retries++;
                    Sentinel.Backoff(attempt);
                    continue;
                }

                slow += ratio > sentinel.Threshold ? 1 : 0;
                worst = Math.Max(worst, ratio);
                for (var j = 0; j < taken.Length; j++) samples[j].Add(taken[j]);
                break;
            }
        }

        return subjects.Select((s, j) => new Timed(
            s.Name, Stats.Median(samples[j]), samples[j].Min(), calls[j], samples[j].Count, retries, worst, slow)).ToArray();
    }
}
