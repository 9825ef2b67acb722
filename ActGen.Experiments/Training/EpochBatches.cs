using System;
using TorchSharp;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>
/// Training batches as Keras's fit and TensorFlow's next_batch draw them: the training set shuffled once per epoch and
/// taken in consecutive batches, each row once per epoch (a last, partial batch is dropped), from the run's generator.
/// </summary>
internal sealed class EpochBatches(long count, int batchSize, torch.Generator generator) : IDisposable
{
    private Tensor? order;
    private long position;

    /// <summary>The next batch's row indices (on the CPU; the caller moves them), owned by the caller's dispose scope.</summary>
    public Tensor Next()
    {
        if (order is null || position + batchSize > count)
        {
            order?.Dispose();
            // Kept across the caller's per-step dispose scopes; this object disposes it.
            order = randperm(count, generator: generator).DetachFromDisposeScope();
            position = 0;
        }

        var batch = order.narrow(0, position, batchSize).clone();
        position += batchSize;
        return batch;
    }

    public void Dispose() => order?.Dispose();
}
