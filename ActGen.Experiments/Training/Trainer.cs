using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Results;
using ActGen.Torch;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>
/// Trains one MLP and measures it at step 0, every <c>LogEvery</c> steps and after the last step. Each
/// measurement is a forward and backward pass with no optimiser step, over the rows <see cref="RunSpec.MeasureOn"/>
/// names (a fixed batch, or the step's own training batch); training steps draw seeded random batches.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains and measures one run. <paramref name="sink"/>, when given, sees every measurement while the
    /// measurement batch's gradients are still on the network (for TensorBoard histograms). A cancelled
    /// <paramref name="cancel"/> stops the run between steps (<see cref="OperationCanceledException"/>).
    /// </summary>
    public static (IReadOnlyList<LayerRow> Rows, RunSummary Summary) Run(
        RunSpec spec, TensorData train, TensorData test, int inputs, int classes, Device device, MeasureSink? sink = null,
        CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var key = spec.Key;
        manual_seed(key.Seed);
        using var mlp = Mlp.Create(inputs, key.Depth, key.Width, Loss.Outputs(spec.Head, classes), spec.Activation).To(device);
        foreach (var layer in mlp.Layers) WeightInit.Apply(layer, spec.Init);
        using var optimizer = Optimizers.Create(spec.Optimizer, mlp.Parameters().ToArray(), key.Lr);
        var batchSize = Math.Min(key.Batch, train.Count);
        using var rowCount = Scalars.Hold((long)batchSize);
        using var fixedRows = arange(Scalars.Zero, rowCount, Scalars.One, device: device);
        using var generator = new TorchSharp.torch.Generator((ulong)key.Seed);
        using var batches = new EpochBatches(train.Count, batchSize, generator);

        var rows = new List<LayerRow>();
        var measures = new List<IReadOnlyList<double>>();
        for (var step = 0; ; step++)
        {
            cancel.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var measuring = step % spec.LogEvery == 0 || step == key.Steps;
            var training = step < key.Steps;
            var batch = training || (measuring && spec.MeasureOn == MeasureOn.CurrentBatch)
                ? batches.Next().to(device) : null;
            if (measuring)
            {
                var measured = Measure(mlp, spec.Head, train, test, spec.MeasureOn == MeasureOn.CurrentBatch ? batch! : fixedRows, optimizer);
                var stepRows = measured.Layers.Select((m, layer) => new LayerRow(key, step, layer,
                    m.GradMeanAbs, m.GradMean, m.GradStd, m.GradL2, m.BiasGradMeanAbs, m.WeightMean, m.WeightStd,
                    m.ActivationMean, m.ActivationStd, m.DeadFraction, measured.TrainLoss, measured.BatchLoss,
                    measured.TrainAccuracy, measured.TestAccuracy)).ToArray();
                sink?.Invoke(step, mlp, stepRows);
                rows.AddRange(stepRows);
                measures.Add(measured.Layers.Select(m => m.GradMeanAbs).ToArray());
            }
            if (!training) break;
            optimizer.zero_grad();
            var (logits, _, _) = mlp.Forward(train.Features[batch!]);
            Loss.Compute(spec.Head, logits, train.Labels[batch!]).backward();
            optimizer.step();
        }
        return (rows, Summarize(spec, rows, measures, clock.Elapsed.TotalSeconds));
    }

    private static RunSummary Summarize(RunSpec spec, IReadOnlyList<LayerRow> rows, IReadOnlyList<IReadOnlyList<double>> measures, double seconds)
    {
        var decays = measures.Select(DecayFit.HiddenDecayPerLayer).ToArray();
        var finite = decays.Where(double.IsFinite).ToArray();
        var trainingRatios = measures.Skip(1).Select(DecayFit.GradRatioLastFirst).Where(r => r > 0 && double.IsFinite(r)).ToArray();
        var last = rows[^1];
        var p = spec.Prediction;
        return new RunSummary(spec.Key, last.Loss, last.TrainAccuracy, last.TestAccuracy,
            decays[0], DecayFit.DecayPerLayer(measures[0]), decays[^1], finite.Length > 0 ? finite.Average() : double.NaN,
            p?.FixedPointDecayPerLayer ?? double.NaN, spec.PredictedDecayFiniteDepth, p?.Chi1 ?? double.NaN, p?.QStar ?? double.NaN,
            DecayFit.GradRatioLastFirst(measures[0]),
            trainingRatios.Length > 0 ? Math.Pow(10, trainingRatios.Average(Math.Log10)) : double.NaN,
            seconds);
    }

    private sealed record Measured(IReadOnlyList<LayerMeasure> Layers, double TrainLoss, double BatchLoss, double TrainAccuracy, double TestAccuracy);

    private static Measured Measure(Mlp mlp, HeadKind head, TensorData train, TensorData test, Tensor rows, optim.Optimizer optimizer)
    {
        optimizer.zero_grad();
        var (logits, pre, post) = mlp.Forward(train.Features[rows], measure: true);
        var loss = Loss.Compute(head, logits, train.Labels[rows]);
        loss.backward();
        var layers = mlp.Layers.Select((layer, i) =>
            LayerMeasure.Of(layer, post[i], i < mlp.Activations.Count ? pre[i].Grad : null)).ToArray();
        var (trainLoss, trainAccuracy) = Evaluate(mlp, head, train);
        return new Measured(layers, trainLoss, loss.item<float>(), trainAccuracy, Evaluate(mlp, head, test).Accuracy);
    }

    /// <summary>The loss and the accuracy over all of <paramref name="data"/>.</summary>
    private static (double Loss, double Accuracy) Evaluate(Mlp mlp, HeadKind head, TensorData data)
    {
        using var _ = no_grad();
        var (logits, _, _) = mlp.Forward(data.Features);
        return (Loss.Compute(head, logits, data.Labels).item<float>(),
            Loss.Predict(head, logits).eq(data.Labels).to_type(ScalarType.Float32).mean().item<float>());
    }
}
