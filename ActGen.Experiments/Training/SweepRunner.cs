using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Data;
using ActGen.Experiments.Results;
using ActGen.Experiments.Theory;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>
/// Runs every run of a sweep that <c>--out</c> does not already hold, saving each as it finishes and
/// rebuilding summary.csv after each run and results.csv at the end. Activations are built by name.
/// </summary>
public sealed record SweepRunner(Func<string, Func<nn.Module<Tensor, Tensor>>> ActivationFactory)
{
    public int Run(SweepOptions options, TextWriter output, TextWriter error)
    {
        ActGen.TorchSetup.EnsureLoaded();
        var device = options.Device switch
        {
            DeviceKind.Cuda when !cuda.is_available() => throw new InvalidOperationException("--device cuda: CUDA is not available here."),
            DeviceKind.Cpu => CPU,
            _ => cuda.is_available() ? CUDA : CPU,
        };
        Split split;
        try { split = Load(options.Data, seed: 0); }
        catch (DataFileException e) { error.WriteLine(e.Message); return 4; }
        var train = TensorData.From(split.Train, device);
        var test = TensorData.From(split.Test, device);
        var store = new RunStore(options.Out);
        var predictions = new Dictionary<(string, string), MeanFieldPrediction>();
        var plan = (from activation in options.Activations
                    from init in options.Inits
                    from depth in options.Depths
                    from seed in options.Seeds
                    select (activation, init, depth, seed)).ToArray();
        int done = 0, skipped = 0;
        foreach (var (activation, init, depth, seed) in plan)
        {
            var steps = options.Length.StepsFor(split.Train.Count, options.Batch);
            var key = new RunKey(activation, init.Name, depth, options.Width, seed, options.Data.Kind.ToString().ToLowerInvariant(),
                options.Optimizer.ToString().ToLowerInvariant(), options.Lr, steps, options.Batch);
            if (store.IsFinished(key)) { skipped++; continue; }
            var factory = ActivationFactory(activation);
            if (!predictions.TryGetValue((activation, init.Name), out var prediction))
            {
                var module = factory();
                prediction = MeanField.Predict(ModuleScalar.Phi(module), ModuleScalar.Derivative(module),
                    init.SigmaW2(options.Width, options.Width), init.BiasVariance(options.Width));
                predictions[(activation, init.Name)] = prediction;
            }
            var spec = new RunSpec(key, factory, init, options.Head, options.Optimizer, options.LogEvery, prediction);
            var (rows, summary) = Trainer.Run(spec, train, test, split.Train.FeatureCount, split.Train.ClassCount, device);
            store.Save(rows, summary);
            store.Rebuild(includeResults: false);
            done++;
            if (!options.Quiet)
                output.WriteLine($"[{done + skipped}/{plan.Length}] {key.Id}: decay {summary.DecayPerLayer:F3} (predicted {summary.PredictedDecayPerLayer:F3}), test acc {summary.TestAccuracy:F3}");
        }
        var count = store.Rebuild();
        output.WriteLine($"{done} runs done, {skipped} already there; {count} runs in {store.SummaryPath}");
        return 0;
    }

    private static Split Load(DataSpec spec, int seed) => spec.Kind switch
    {
        DatasetKind.Mnist => Mnist.Load(spec.Directory),
        DatasetKind.Circles => Split.Of(Circles.Generate(spec.Samples, spec.Noise, spec.Factor, seed), spec.TestFraction, seed),
        DatasetKind.Moons => Split.Of(Moons.Generate(spec.Samples, spec.Noise, seed), spec.TestFraction, seed),
        _ => Split.Of(Spirals.Generate(spec.Samples, spec.Noise, seed), spec.TestFraction, seed),
    };
}
