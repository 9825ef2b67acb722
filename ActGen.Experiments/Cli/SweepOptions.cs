using System.Collections.Generic;
using ActGen.Experiments.Theory;

namespace ActGen.Experiments.Cli;

/// <summary>
/// A validated sweep: every activation × init × depth × seed is one run. <see cref="Depths"/> count hidden
/// layers of <see cref="Width"/> units; the output layer comes on top. Activation names are spelled as the registry spells them.
/// </summary>
public sealed record SweepOptions(
    string Preset,
    IReadOnlyList<string> Activations,
    IReadOnlyList<Init> Inits,
    IReadOnlyList<int> Depths,
    int Width,
    DataSpec Data,
    HeadKind Head,
    OptimizerKind Optimizer,
    double Lr,
    TrainingLength Length,
    int Batch,
    IReadOnlyList<int> Seeds,
    int LogEvery,
    DeviceKind Device,
    string Out,
    bool Quiet,
    MeasureOn MeasureOn = MeasureOn.FixedBatch,
    Results.Shard? Shard = null)
{
    /// <summary>How many runs the sweep holds.</summary>
    public int RunCount => Activations.Count * Inits.Count * Depths.Count * Seeds.Count;
}
