using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Data;
using ActGen.Experiments.Logging;
using ActGen.Experiments.Reporting;
using ActGen.Experiments.Results;
using ActGen.Experiments.Theory;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>
/// Runs every run of a sweep that <c>--out</c> does not already hold, saving each (CSV rows, summary,
/// TensorBoard events) as it finishes and rebuilding summary.csv after each run; at the end it rebuilds
/// results.csv and writes the plots and report.md over every finished run in the folder.
/// </summary>
public sealed record SweepRunner(Func<string, ActivationDefinition> Resolve)
{
    /// <summary>Activations come from ActGen's registry.</summary>
    public static SweepRunner FromRegistry { get; } = new(ActivationCatalog.Get);

    public int Run(SweepOptions options, TextWriter output, TextWriter error)
    {
        ActGen.TorchSetup.EnsureLoaded();
        // These networks are small (tens to hundreds of units): libtorch's intra-op threads cost more in
        // hand-offs than they gain, and on a busy 2-core machine their spin-waits made runs 5-8x slower.
        var threads = get_num_threads();
        set_num_threads(1);
        try { return RunSingleThreaded(options, output, error); }
        finally { set_num_threads(threads); }
    }

    private int RunSingleThreaded(SweepOptions options, TextWriter output, TextWriter error)
    {
        var device = Devices.Pick(options.Device);
        if (device is null) { error.WriteLine("--device cuda: CUDA is not available here. Valid choices: auto, cpu."); return 3; }
        Split split;
        try { split = Load(options.Data, seed: 0); }
        catch (DataFileException e) { error.WriteLine(e.Message); return 4; }
        var train = TensorData.From(split.Train, device);
        var test = TensorData.From(split.Test, device);
        var store = new RunStore(options.Out);
        var plan = PlannedRun.Plan(options, split.Train.Count);
        var pending = plan.Where(r => !store.IsFinished(r.Key)).ToArray();
        var inputSecondMoment = split.Train.Features.Average(v => (double)v * v);
        var predictions = new Dictionary<(string, string), MeanFieldPrediction>();

        MeanFieldPrediction Predict(ActivationDefinition activation, Init init)
        {
            if (!predictions.TryGetValue((activation.Name, init.Name), out var prediction))
                predictions[(activation.Name, init.Name)] = prediction = MeanField.Predict(activation.Apply, activation.ApplyDerivative,
                    init.SigmaW2(options.Width, options.Width), init.BiasVariance(options.Width));
            return prediction;
        }

        string RunOne(PlannedRun run)
        {
            var activation = Resolve(run.Key.Activation);
            var finite = FiniteDepth.DecayPerLayer(activation.Apply, activation.ApplyDerivative, run.Init, split.Train.FeatureCount,
                options.Width, Loss.Outputs(options.Head, split.Train.ClassCount), run.Key.Depth, inputSecondMoment);
            var spec = new RunSpec(run.Key, activation.CreateModule!, run.Init, options.Head, options.Optimizer, options.LogEvery,
                Predict(activation, run.Init), finite);
            var writer = TensorBoardLog.Open(options.Out, run.Key);   // writes each event as it comes; nothing to close
            var (rows, summary) = Trainer.Run(spec, train, test, split.Train.FeatureCount, split.Train.ClassCount, device,
                TensorBoardLog.Sink(writer));
            store.Save(rows, summary);
            store.Rebuild(includeResults: false);
            return $"{Label(run)}: decay {summary.DecayPerLayer:F3} (predicted {summary.PredictedDecayPerLayer:F3}), " +
                   $"test acc {summary.TestAccuracy:F3}, {summary.Seconds:F1}s";
        }

        if (!options.Quiet && pending.Length < plan.Count)
            output.WriteLine($"{plan.Count - pending.Length} of {plan.Count} runs already in {options.Out}; running the other {pending.Length}.");
        SweepProgress.Run(pending, options.Quiet, output, Label, RunOne);
        if (!options.Quiet) output.WriteLine("Writing results.csv, plots and report.md…");
        var count = store.Rebuild();
        var report = Report.Write(options.Out);
        output.WriteLine($"{pending.Length} runs done, {plan.Count - pending.Length} already there; {count} runs in {store.SummaryPath}");
        output.WriteLine($"Report: {report}");
        return 0;
    }

    /// <summary>A run's short name for progress lines, e.g. "Relu he-normal d8 s0".</summary>
    private static string Label(PlannedRun run) => $"{run.Key.Activation} {run.Key.Init} d{run.Key.Depth} s{run.Key.Seed}";

    private static Split Load(DataSpec spec, int seed) => spec.Kind switch
    {
        DatasetKind.Mnist => Mnist.Load(spec.Directory),
        DatasetKind.Circles => Split.Of(Circles.Generate(spec.Samples, spec.Noise, spec.Factor, seed), spec.TestFraction, seed),
        DatasetKind.Moons => Split.Of(Moons.Generate(spec.Samples, spec.Noise, seed), spec.TestFraction, seed),
        _ => Split.Of(Spirals.Generate(spec.Samples, spec.Noise, seed), spec.TestFraction, seed),
    };
}
