using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ActGen.Experiments.Results;
using ActGen.Experiments.Training;
using static TorchSharp.torch;

namespace ActGen.Experiments.Logging;

/// <summary>
/// One run's TensorBoard event file (<see cref="EventFile"/>) in <c>tensorboard/RUN-ID/</c>: per layer the scalars
/// mean|∂C/∂W|, ‖∂C/∂W‖₂ and the dead share, histograms of the weights and of ∂C/∂W; the loss and accuracies.
/// Layer tags count from the input (<c>layer00</c>), so TensorBoard lists them in network order.
/// </summary>
public static class TensorBoardLog
{
    public static string RunDir(string outDir, RunKey key) => Path.Combine(outDir, "tensorboard", key.Id);

    /// <summary>
    /// A fresh event file for the run: files a killed attempt left behind are deleted first, so a resumed sweep
    /// never shows the same steps twice.
    /// </summary>
    public static EventFile Open(string outDir, RunKey key)
    {
        var dir = RunDir(outDir, key);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return EventFile.Create(dir);
    }

    /// <summary>A sink that writes every measurement to <paramref name="events"/>.</summary>
    public static MeasureSink Sink(EventFile events) => (step, mlp, rows) => Write(events, step, mlp, rows);

    public static void Write(EventFile events, int step, Mlp mlp, IReadOnlyList<LayerRow> rows)
    {
        using var _ = no_grad();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var layer = "layer" + i.ToString("D2", CultureInfo.InvariantCulture);
            events.Scalar($"grad_mean_abs/{layer}", row.GradMeanAbs, step);
            events.Scalar($"grad_l2/{layer}", row.GradL2, step);
            if (double.IsFinite(row.DeadFraction)) events.Scalar($"dead_fraction/{layer}", row.DeadFraction, step);
            var weight = mlp.Layers[i].weight!;
            events.Histogram($"weights/{layer}", Values(weight), step);
            if (weight.grad is { } grad) events.Histogram($"gradients/{layer}", Values(grad), step);
        }
        if (rows.Count == 0) return;
        events.Scalar("loss/train", rows[0].Loss, step);
        events.Scalar("loss/measurement_batch", rows[0].BatchLoss, step);
        events.Scalar("accuracy/train", rows[0].TrainAccuracy, step);
        events.Scalar("accuracy/test", rows[0].TestAccuracy, step);
    }

    private static IEnumerable<double> Values(Tensor t)
    {
        using var scope = NewDisposeScope();
        return t.detach().cpu().to_type(ScalarType.Float64).flatten().data<double>().ToArray();
    }
}
