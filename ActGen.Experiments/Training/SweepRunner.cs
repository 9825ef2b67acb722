using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Data;
using ActGen.Experiments.Logging;
using ActGen.Experiments.Reporting;
using ActGen.Experiments.Results;
using ActGen.Experiments.Theory;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>
/// Runs every run of a sweep (or of its shard) that <c>--out</c> does not already hold, saving each (config, CSV rows,
/// summary, TensorBoard events) as it finishes. A whole sweep rebuilds summary.csv after each run and, at the end,
/// results.csv, the plots and report.md over every finished run in the folder; a shard leaves that to <c>actgen report</c>.
/// </summary>
public sealed record SweepRunner(Func<string, ActivationDefinition> Resolve)
{
    /// <summary>Activations come from ActGen's registry.</summary>
    public static SweepRunner FromRegistry { get; } = new(ActivationCatalog.Get);

    /// <summary>
    /// Hidden layers fused with their activation (<see cref="HiddenActivation.Of"/>); false builds nn.Linear plus the module in
    /// every layer, the reference the fused sweep is tested against.
    /// </summary>
    internal bool FuseLayers { get; init; } = true;

    /// <summary>The command line's entry: Ctrl-C stops between steps, keeps every finished run and says so.</summary>
    public int Run(SweepOptions options, TextWriter output, TextWriter error)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            Console.Out.Write(Interrupt.ShowCursor);   // a second Ctrl-C ends the process at once: leave the cursor visible
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try { return Run(options, output, error, cancel.Token); }
        finally { Console.CancelKeyPress -= onCancel; }
    }

    public int Run(SweepOptions options, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        if (OutFolder.Problem(options.Out) is { } problem) { error.WriteLine(problem); return 2; }
        var (held, locked) = OutLock.Acquire(options.Out, options.Shard);
        if (held is null) { error.WriteLine(locked); return 5; }
        using (held)
        {
            ActGen.TorchSetup.EnsureLoaded();
            // These networks are small (tens to hundreds of units): libtorch's intra-op threads cost more in
            // hand-offs than they gain, and on a busy 2-core machine their spin-waits made runs 5-8x slower.
            var threads = get_num_threads();
            set_num_threads(1);
            try { return RunSingleThreaded(options, output, error, cancel); }
            finally { set_num_threads(threads); }
        }
    }

    private int RunSingleThreaded(SweepOptions options, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        var device = Devices.Pick(options.Device);
        if (device is null) { error.WriteLine("--device cuda: CUDA is not available here. Valid choices: auto, cpu."); return 3; }
        Split split;
        try { split = Load(options.Data, seed: 0); }
        catch (DataFileException e) { error.WriteLine(e.Message); return 4; }
        var store = new RunStore(options.Out);
        var plan = PlannedRun.Plan(options, split.Train.Count).Where(r => options.Shard?.Owns(r.Key) ?? true).ToArray();
        var config = SweepConfig.Of(options, plan.Length > 0 ? plan[0].Key.Steps : 0);
        var definitions = new Dictionary<string, ActivationDefinition>();
        try
        {
            foreach (var name in options.Activations) definitions[name] = ActivationResolver.Resolve(name, Resolve);
        }
        catch (ArgumentException e) { error.WriteLine(e.Message.Split(" (Parameter")[0]); return 2; }
        if (Mismatch(store, config, options.Out) is { } mismatch) { error.WriteLine(mismatch); return 2; }
        var train = TensorData.From(split.Train, device);
        var test = TensorData.From(split.Test, device);
        var pending = plan.Where(r => !store.IsFinished(r.Key, config)).ToArray();
        var inputSecondMoment = split.Train.Features.Average(v => (double)v * v);
        var predictions = new Dictionary<(string, string), MeanFieldPrediction>();
        var done = 0;

        MeanFieldPrediction Predict(ActivationDefinition activation, Init init)
        {
            if (!predictions.TryGetValue((activation.Name, init.Name), out var prediction))
                predictions[(activation.Name, init.Name)] = prediction = MeanField.Predict(activation.Apply, activation.ApplyDerivative,
                    init.SigmaW2(options.Width, options.Width), init.BiasVariance(options.Width));
            return prediction;
        }

        string RunOne(PlannedRun run)
        {
            var activation = definitions[run.Key.Activation];
            var finite = FiniteDepth.DecayPerLayer(activation.Apply, activation.ApplyDerivative, run.Init, split.Train.FeatureCount,
                options.Width, Loss.Outputs(options.Head, split.Train.ClassCount), run.Key.Depth, inputSecondMoment);
            var hidden = FuseLayers ? HiddenActivation.Of(activation) : HiddenActivation.Unfused(activation);
            var spec = new RunSpec(run.Key, hidden, run.Init, options.Head, options.Optimizer, options.LogEvery,
                Predict(activation, run.Init), finite, options.MeasureOn);
            using var events = TensorBoardLog.Open(options.Out, run.Key);   // flushes each event as it comes
            var (rows, summary) = Trainer.Run(spec, train, test, split.Train.FeatureCount, split.Train.ClassCount, device,
                TensorBoardLog.Sink(events), cancel);
            store.Save(rows, summary, config);
            done++;
            if (options.Shard is null) store.Rebuild(includeResults: false);
            var predicted = double.IsNaN(summary.PredictedDecayPerLayer) ? "no q*" : $"{summary.PredictedDecayPerLayer:F3}";
            var decay = double.IsNaN(summary.DecayPerLayer) ? "– (under 3 hidden layers)" : $"{summary.DecayPerLayer:F3}";
            return $"{Label(run)}: decay {decay} (predicted at q* {predicted}), " +
                   $"test acc {summary.TestAccuracy:F3}, {summary.Seconds:F1}s";
        }

        var share = options.Shard is null ? "" : $" (shard {options.Shard})";
        if (!options.Quiet && pending.Length < plan.Length)
            output.WriteLine($"{plan.Length - pending.Length} of {plan.Length} runs{share} already in {options.Out}; " +
                             $"running the other {pending.Length}.");
        try { SweepProgress.Run(pending, options.Quiet, output, Label, RunOne); }
        catch (OperationCanceledException)
        {
            if (options.Shard is null) store.Rebuild();
            if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected) output.Write(Interrupt.ShowCursor);
            output.WriteLine(Interrupt.Message(done, plan.Length - pending.Length, options.Out));
            return 130;
        }
        if (options.Shard is { } shard)
        {
            output.WriteLine($"Shard {shard}: {pending.Length} runs done, {plan.Length - pending.Length} already there. " +
                             $"When every shard is in: actgen report --out {options.Out}");
            return 0;
        }
        if (!options.Quiet) output.WriteLine("Writing results.csv, plots and report.md…");
        var count = store.Rebuild();
        var report = Report.Write(options.Out);
        output.WriteLine($"{pending.Length} runs done, {plan.Length - pending.Length} already there; {count} runs in {store.SummaryPath}");
        output.WriteLine($"Report: {report}");
        return 0;
    }

    /// <summary>The refusal when the folder holds runs made with another setting, naming it and what to do.</summary>
    private static string? Mismatch(RunStore store, RunConfig config, string outDir)
    {
        foreach (var (id, stored) in store.FinishedConfigs())
            if (stored.FirstDifference(config) is var (name, there, here))
                return $"--out {outDir}: it holds runs made with {name} = {there} (e.g. {id}); this sweep has {name} = {here} " +
                       $"({SweepConfig.OptionOf(name)}). Give another --out, or repeat that setting to add to or resume those runs.";
        return null;
    }

    /// <summary>A run's short name for progress lines, e.g. "Relu he-normal d8 s0".</summary>
    private static string Label(PlannedRun run) => $"{run.Key.Activation} {run.Key.Init} d{run.Key.Depth} s{run.Key.Seed}";

    private static Split Load(DataSpec spec, int seed) => spec.Kind switch
    {
        DatasetKind.Mnist => Mnist.Load(spec.Directory),
        DatasetKind.Circles => Held(Circles.Generate(spec.Samples, spec.Noise, spec.Factor, seed), spec.TestFraction, seed),
        DatasetKind.Moons => Held(Moons.Generate(spec.Samples, spec.Noise, seed), spec.TestFraction, seed),
        _ => Held(Spirals.Generate(spec.Samples, spec.Noise, seed), spec.TestFraction, seed),
    };

    /// <summary>A held-out split, or with a test fraction of 0 the whole set on both sides (evaluate on the training data).</summary>
    private static Split Held(Dataset data, double testFraction, int seed) =>
        testFraction == 0 ? new Split(data, data) : Split.Of(data, testFraction, seed);
}
