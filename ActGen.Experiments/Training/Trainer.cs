using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Results;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>
/// Trains one MLP and measures it at step 0, every <c>LogEvery</c> steps and after the last step. Each
/// measurement is a forward and backward pass over a fixed measurement batch (the first <c>Batch</c> training
/// rows) with no optimiser step; training steps draw seeded random batches.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains and measures one run. <paramref name="sink"/>, when given, sees every measurement while the
    /// measurement batch's gradients are still on the network (for TensorBoard histograms).
    /// </summary>
    public static (IReadOnlyList<LayerRow> Rows, RunSummary Summary) Run(
        RunSpec spec, TensorData train, TensorData test, int inputs, int classes, Device device, MeasureSink? sink = null)
    {
        var clock = Stopwatch.StartNew();
        var key = spec.Key;
        manual_seed(key.Seed);
        var mlp = Mlp.Create(inputs, key.Depth, key.Width, Loss.Outputs(spec.Head, classes), spec.Activation).To(device);
        foreach (var layer in mlp.Layers) WeightInit.Apply(layer, spec.Init);
        var parameters = mlp.Parameters().ToArray();
        optim.Optimizer optimizer = spec.Optimizer == OptimizerKind.Adam ? optim.Adam(parameters, key.Lr) : optim.SGD(parameters, key.Lr);
        var measureRows = arange(Math.Min(key.Batch, train.Count), device: device);
        var generator = new TorchSharp.torch.Generator((ulong)key.Seed);

        var rows = new List<LayerRow>();
        var decays = new List<double>();
        double trainLoss = double.NaN, trainAccuracy = double.NaN, testAccuracy = double.NaN, ratio = double.NaN;
        for (var step = 0; ; step++)
        {
            if (step % spec.LogEvery == 0 || step == key.Steps)
            {
                using var scope = NewDisposeScope();
                var measured = Measure(mlp, spec.Head, train, test, measureRows, optimizer);
                (trainLoss, trainAccuracy, testAccuracy) = (measured.Loss, measured.TrainAccuracy, measured.TestAccuracy);
                var stepRows = measured.Layers.Select((m, layer) => new LayerRow(key, step, layer,
                    m.GradMeanAbs, m.GradStd, m.GradL2, m.BiasGradMeanAbs, m.WeightMean, m.WeightStd,
                    m.ActivationMean, m.ActivationStd, m.DeadFraction, measured.Loss, measured.TrainAccuracy, measured.TestAccuracy)).ToArray();
                sink?.Invoke(step, mlp, stepRows);
                rows.AddRange(stepRows);
                var grads = measured.Layers.Select(m => m.GradMeanAbs).ToArray();
                decays.Add(DecayFit.DecayPerLayer(grads));
                if (step == 0) ratio = DecayFit.GradRatioLastFirst(grads);
            }
            if (step == key.Steps) break;
            using (NewDisposeScope())
            {
                var batch = randint(train.Count, [Math.Min(key.Batch, train.Count)], generator: generator).to(device);
                optimizer.zero_grad();
                var (logits, _, _) = mlp.Forward(train.Features[batch]);
                Loss.Compute(spec.Head, logits, train.Labels[batch]).backward();
                optimizer.step();
            }
        }
        var finite = decays.Where(double.IsFinite).ToArray();
        var p = spec.Prediction;
        return (rows, new RunSummary(key, trainLoss, trainAccuracy, testAccuracy, decays[0], decays[^1],
            finite.Length > 0 ? finite.Average() : double.NaN,
            p?.PredictedDecayPerLayer ?? double.NaN, spec.PredictedDecayFiniteDepth, p?.Chi1 ?? double.NaN, p?.QStar ?? double.NaN, ratio, clock.Elapsed.TotalSeconds));
    }

    private sealed record Measured(IReadOnlyList<LayerMeasure> Layers, double Loss, double TrainAccuracy, double TestAccuracy);

    private static Measured Measure(Mlp mlp, HeadKind head, TensorData train, TensorData test, Tensor rows, optim.Optimizer optimizer)
    {
        optimizer.zero_grad();
        var (logits, pre, post) = mlp.Forward(train.Features[rows]);
        foreach (var z in pre) z.retain_grad();
        var loss = Loss.Compute(head, logits, train.Labels[rows]);
        loss.backward();
        var layers = mlp.Layers.Select((layer, i) =>
            LayerMeasure.Of(layer, post[i], i < mlp.Activations.Count ? pre[i].grad : null)).ToArray();
        return new Measured(layers, loss.item<float>(), Accuracy(mlp, head, train), Accuracy(mlp, head, test));
    }

    private static double Accuracy(Mlp mlp, HeadKind head, TensorData data)
    {
        using var _ = no_grad();
        var (logits, _, _) = mlp.Forward(data.Features);
        return Loss.Predict(head, logits).eq(data.Labels).to_type(ScalarType.Float32).mean().item<float>();
    }
}
