namespace ActGen.Experiments.Cli;

/// <summary>The sweep options exactly as typed; null where the option was not given (the preset decides).</summary>
public sealed record RawSweepArgs(
    string? Preset = null,
    string? Activations = null,
    string? Init = null,
    string? Depths = null,
    string? Width = null,
    string? Dataset = null,
    string? DataDir = null,
    string? Optimizer = null,
    string? Lr = null,
    string? Epochs = null,
    string? Steps = null,
    string? Batch = null,
    string? Seeds = null,
    string? LogEvery = null,
    string? Device = null,
    string? Out = null,
    bool Quiet = false,
    string? Samples = null,
    string? Noise = null,
    string? Factor = null,
    string? TestFraction = null,
    string? MeasureOn = null,
    string? Shard = null);
