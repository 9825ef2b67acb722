using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Training;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>One implementation's training step: median and best ms per step, and the sentinel's view of its rounds.</summary>
public sealed record StepRow(
    string Activation, string Impl, int Depth, int Width, int Batch, double MedianMs, double MinMs, int Samples, int Retries,
    double WorstSentinel, int SlowRounds);

/// <summary>
/// The main job's training step (zero_grad, forward through the MLP, cross-entropy, backward, SGD step) with each
/// implementation's activation modules, timed interleaved in rounds between sentinel readings, so the ratios are same-run.
/// </summary>
public static class StepBench
{
    public static IReadOnlyList<StepRow> Measure(
        IEnumerable<StepCase> cases, StepSettings settings, Sentinel sentinel, BenchOptions options, Action<StepRow> log)
    {
        var rows = new List<StepRow>();
        foreach (var c in cases)
        {
            using var scope = NewDisposeScope();
            var subjects = c.Steps.Select(s => new Subject(s.Impl, s.Step(settings))).ToArray();
            WarmUp(subjects);
            var timed = Interleaved.Measure(subjects, sentinel, options.Reps, options.MaxRetries, options.MinSampleMs);
            foreach (var t in timed)
            {
                var row = new StepRow(c.Activation, t.Name, settings.Depth, settings.Width, settings.Batch, t.MedianMs, t.MinMs,
                    t.Samples, t.Retries, t.WorstSentinel, t.SlowRounds);
                rows.Add(row);
                log(row);
            }
        }

        return rows;
    }

    /// <summary>One SGD step of a fresh MLP (same seed for every implementation) on a fixed random batch.</summary>
    public static Action Step(StepSettings s, Func<nn.Module<Tensor, Tensor>> activation) => Step(s, HiddenActivation.Module(activation));

    /// <summary>The same step through the sweep's MLP with an ActGen activation: its hidden layers fused (ActivationLinear).</summary>
    public static Action Step(StepSettings s, HiddenActivation activation)
    {
        manual_seed(0);
        var mlp = Mlp.Create(s.Inputs, s.Depth, s.Width, s.Classes, activation);
        var optimizer = optim.SGD(mlp.Parameters().ToArray(), s.Lr);
        var x = randn(s.Batch, s.Inputs);
        var labels = randint(s.Classes, [s.Batch]);
        return () =>
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var (logits, _, _) = mlp.Forward(x);
            Loss.Compute(HeadKind.Softmax, logits, labels).backward();
            optimizer.step();
        };
    }

    private static void WarmUp(IReadOnlyList<Subject> subjects)
    {
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var s in subjects)
                for (var i = 0; i < 30; i++) s.Call();
            System.Threading.Thread.Sleep(100);
        }
    }
}
