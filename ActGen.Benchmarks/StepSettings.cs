namespace ActGen.Benchmarks;

/// <summary>
/// The main job's training step: the default sweep's deepest-but-two MLP (16 hidden layers of 64 on the two-circles
/// data's 2 inputs and 2 classes, softmax head), one SGD step on a batch of 64.
/// </summary>
public sealed record StepSettings(int Depth, int Width, int Batch, int Inputs, int Classes, double Lr)
{
    public static StepSettings Default { get; } = new(Depth: 16, Width: 64, Batch: 64, Inputs: 2, Classes: 2, Lr: 0.05);
}
