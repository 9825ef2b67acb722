namespace ActGen.Experiments.Cli;

/// <summary>How long each run trains: a number of optimiser steps, or of passes over the training set.</summary>
public abstract record TrainingLength
{
    /// <summary>The optimiser steps for a training set of <paramref name="trainCount"/> rows in batches of <paramref name="batch"/>.</summary>
    public abstract int StepsFor(int trainCount, int batch);
}

/// <summary>Exactly <paramref name="Count"/> steps (0 = measure at initialisation only).</summary>
public sealed record Steps(int Count) : TrainingLength
{
    public override int StepsFor(int trainCount, int batch) => Count;
    public override string ToString() => $"{Count} steps";
}

/// <summary><paramref name="Count"/> epochs of ⌈train/batch⌉ steps each.</summary>
public sealed record Epochs(int Count) : TrainingLength
{
    public override int StepsFor(int trainCount, int batch) => Count * ((trainCount + batch - 1) / batch);
    public override string ToString() => $"{Count} epochs";
}
