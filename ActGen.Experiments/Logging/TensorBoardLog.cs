using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using ActGen.Experiments.Results;
using ActGen.Experiments.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ActGen.Experiments.Logging;

/// <summary>
/// One run's TensorBoard event files (TorchSharp's SummaryWriter) in <c>tensorboard/RUN-ID/</c>: per layer the
/// scalars mean|∂C/∂W|, ‖∂C/∂W‖₂ and the dead share, histograms of the weights and of ∂C/∂W; the loss and accuracies.
/// Layer tags count from the input (<c>layer00</c>), so TensorBoard lists them in network order.
/// </summary>
public static class TensorBoardLog
{
    public static string RunDir(string outDir, RunKey key) => Path.Combine(outDir, "tensorboard", key.Id);

    /// <summary>
    /// A fresh writer for the run: files a killed attempt left behind are deleted first, so a resumed sweep
    /// never shows the same steps twice.
    /// </summary>
    public static SummaryWriter Open(string outDir, RunKey key)
    {
        var dir = RunDir(outDir, key);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return utils.tensorboard.SummaryWriter(dir);
    }

    /// <summary>A sink that writes every measurement to <paramref name="writer"/>.</summary>
    public static MeasureSink Sink(SummaryWriter writer) => (step, mlp, rows) => Write(writer, step, mlp, rows);

    public static void Write(SummaryWriter writer, int step, Mlp mlp, IReadOnlyList<LayerRow> rows)
    {
        using var _ = no_grad();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var layer = "layer" + i.ToString("D2", CultureInfo.InvariantCulture);
            writer.add_scalar($"grad_mean_abs/{layer}", (float)row.GradMeanAbs, step);
            writer.add_scalar($"grad_l2/{layer}", (float)row.GradL2, step);
            if (double.IsFinite(row.DeadFraction)) writer.add_scalar($"dead_fraction/{layer}", (float)row.DeadFraction, step);
            var weight = mlp.Layers[i].weight!;
            Histogram(writer, $"weights/{layer}", weight, step);
            if (weight.grad is { } grad) Histogram(writer, $"gradients/{layer}", grad, step);
        }
        if (rows.Count == 0) return;
        writer.add_scalar("loss/train", (float)rows[0].Loss, step);
        writer.add_scalar("accuracy/train", (float)rows[0].TrainAccuracy, step);
        writer.add_scalar("accuracy/test", (float)rows[0].TestAccuracy, step);
    }

    /// <summary>
    /// A histogram of the finite entries (a diverged run has NaN or ∞ weights, which SummaryWriter refuses);
    /// none when no entry is finite or when SummaryWriter finds no bins (it throws ArgumentException then).
    /// </summary>
    private static void Histogram(SummaryWriter writer, string tag, Tensor values, int step)
    {
        using var scope = NewDisposeScope();
        var flat = values.detach().cpu().flatten();
        var finite = flat[isfinite(flat)];
        if (finite.numel() == 0) return;
        try { writer.add_histogram(tag, finite, step, max_bins: 30); }   // 30 bins keep a sweep's event files small
        catch (ArgumentException) { }
    }
}
