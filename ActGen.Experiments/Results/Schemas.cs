using System;
using System.Collections.Generic;
using System.Linq;

namespace ActGen.Experiments.Results;

/// <summary>The columns of results.csv and summary.csv; the run key's columns come first in both.</summary>
public static class Schemas
{
    private static IEnumerable<Column<T>> KeyColumns<T>(Func<T, RunKey> key) =>
    [
        new("activation", r => key(r).Activation),
        new("init", r => key(r).Init),
        new("depth", r => Csv.Number(key(r).Depth)),
        new("width", r => Csv.Number(key(r).Width)),
        new("seed", r => Csv.Number(key(r).Seed)),
        new("dataset", r => key(r).Dataset),
        new("optimizer", r => key(r).Optimizer),
        new("lr", r => Csv.Number(key(r).Lr)),
        new("steps", r => Csv.Number(key(r).Steps)),
        new("batch", r => Csv.Number(key(r).Batch)),
    ];

    public static IReadOnlyList<Column<LayerRow>> Results { get; } = KeyColumns<LayerRow>(r => r.Key).Concat(
    [
        new("step", r => Csv.Number(r.Step)),
        new("layer", r => Csv.Number(r.Layer)),
        new("grad_mean_abs", r => Csv.Number(r.GradMeanAbs)),
        new("grad_mean", r => Csv.Number(r.GradMean)),
        new("grad_std", r => Csv.Number(r.GradStd)),
        new("grad_l2", r => Csv.Number(r.GradL2)),
        new("bias_grad_mean_abs", r => Csv.Number(r.BiasGradMeanAbs)),
        new("weight_mean", r => Csv.Number(r.WeightMean)),
        new("weight_std", r => Csv.Number(r.WeightStd)),
        new("activation_mean", r => Csv.Number(r.ActivationMean)),
        new("activation_std", r => Csv.Number(r.ActivationStd)),
        new("dead_fraction", r => Csv.Number(r.DeadFraction)),
        new("loss", r => Csv.Number(r.Loss)),
        new("batch_loss", r => Csv.Number(r.BatchLoss)),
        new("train_accuracy", r => Csv.Number(r.TrainAccuracy)),
        new("test_accuracy", r => Csv.Number(r.TestAccuracy)),
    ]).ToArray();

    public static IReadOnlyList<Column<RunSummary>> Summary { get; } = KeyColumns<RunSummary>(r => r.Key).Concat(
    [
        new("train_loss", r => Csv.Number(r.TrainLoss)),
        new("train_accuracy", r => Csv.Number(r.TrainAccuracy)),
        new("test_accuracy", r => Csv.Number(r.TestAccuracy)),
        new("decay_per_layer", r => Csv.Number(r.DecayPerLayer)),
        new("decay_per_layer_all_layers", r => Csv.Number(r.DecayPerLayerAllLayers)),
        new("decay_per_layer_final", r => Csv.Number(r.DecayPerLayerFinal)),
        new("decay_per_layer_mean", r => Csv.Number(r.DecayPerLayerMean)),
        new("predicted_decay_per_layer", r => Csv.Optional(r.PredictedDecayPerLayer)),   // empty: no fixed point of order one
        new("predicted_decay_finite_depth", r => Csv.Number(r.PredictedDecayFiniteDepth)),
        new("chi1", r => Csv.Number(r.Chi1)),
        new("q_star", r => Csv.Number(r.QStar)),
        new("grad_ratio_last_first", r => Csv.Number(r.GradRatioLastFirst)),
        new("grad_ratio_last_first_training", r => Csv.Number(r.GradRatioLastFirstMean)),
        new("seconds", r => Csv.Number(r.Seconds)),
    ]).ToArray();
}
