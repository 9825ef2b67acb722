using System.Collections.Generic;
using System.Linq;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Results;
using ActGen.Experiments.Theory;

namespace ActGen.Experiments.Training;

/// <summary>One run of a sweep before it runs: its key and the initialisation behind the key's init name.</summary>
public sealed record PlannedRun(RunKey Key, Init Init)
{
    /// <summary>Every activation × init × depth × seed of <paramref name="options"/>, in that nesting order.</summary>
    public static IReadOnlyList<PlannedRun> Plan(SweepOptions options, int trainCount)
    {
        var steps = options.Length.StepsFor(trainCount, options.Batch);
        var dataset = options.Data.Kind.ToString().ToLowerInvariant();
        var optimizer = options.Optimizer.ToString().ToLowerInvariant();
        return (from activation in options.Activations
                from init in options.Inits
                from depth in options.Depths
                from seed in options.Seeds
                select new PlannedRun(
                    new RunKey(activation, init.Name, depth, options.Width, seed, dataset, optimizer, options.Lr, steps, options.Batch),
                    init)).ToArray();
    }
}
