using System;
using System.IO;
using System.Linq;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Results;
using ActGen.Experiments.Training;
using Xunit;

namespace ActGen.Tests.Experiments;

/// <summary>A tiny end-to-end sweep over registry activations: every output file, then a resume after a simulated kill.</summary>
public sealed class SweepRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actgen-sweep-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Output) Sweep()
    {
        var parsed = SweepOptionsParser.Parse(new RawSweepArgs(
            Activations: "relu,tanh", Init: "he-normal", Depths: "1,3", Width: "8", Steps: "4", LogEvery: "2",
            Batch: "32", Out: _dir), ActivationCatalog.Names());
        var output = new StringWriter();
        var code = SweepRunner.FromRegistry.Run(parsed.Value!, output, new StringWriter());
        return (code, output.ToString());
    }

    private string Out(params string[] parts) => Path.Combine([_dir, .. parts]);

    [Fact]
    public void TinySweepWritesEveryOutputAndResumesAfterAKill()
    {
        var (code, output) = Sweep();
        Assert.Equal(0, code);
        Assert.Contains("4 runs done, 0 already there", output);
        Assert.Contains("[4/4] Tanh he-normal d3 s0: decay ", output);   // the plain progress lines, as CI sees them
        Assert.Contains("(eta ", output);

        var summary = File.ReadAllLines(Out("summary.csv"));
        Assert.Equal(Csv.Header(Schemas.Summary), summary[0]);
        Assert.Equal(5, summary.Length);
        Assert.All(summary.Skip(1), l => Assert.Equal(Schemas.Summary.Count, l.Split(',').Length));
        var results = File.ReadAllLines(Out("results.csv"));
        Assert.Equal(Csv.Header(Schemas.Results), results[0]);
        Assert.Equal(2 * 3 * (2 + 4), results.Length - 1); // 2 activations × steps 0, 2, 4 × (2 + 4 layers over depths 1 and 3)
        Assert.All(results.Skip(1), l => Assert.Equal(Schemas.Results.Count, l.Split(',').Length));
        var read = ResultsReader.Summaries(Out("summary.csv"));
        Assert.Equal(["Relu", "Tanh"], read.Select(s => s.Key.Activation).Distinct().Order());
        Assert.All(read, s => Assert.True(double.IsFinite(s.PredictedDecayPerLayer) && double.IsFinite(s.TrainLoss)));

        var report = File.ReadAllText(Out("report.md"));
        var plots = Directory.GetFiles(Out("plots"), "*.png").Select(p => Path.GetFileName(p)).Order().ToArray();
        Assert.Equal(
            ["decay_vs_depth_he-normal.png", "grad_by_layer_he-normal_final.png", "grad_by_layer_he-normal_init.png",
             "heatmap_relu_he-normal.png", "heatmap_tanh_he-normal.png", "loss.png", "test_accuracy.png"], plots);
        Assert.All(plots, p =>
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Out("plots", p)).Take(4));
            Assert.Contains($"](plots/{p})", report);
        });
        Assert.Contains("| Relu | he-normal | 3 |", report);
        Assert.Contains("## Reading", report);

        var boards = Directory.GetDirectories(Out("tensorboard")).Select(p => Path.GetFileName(p)).Order().ToArray();
        Assert.Equal(read.Select(s => s.Key.Id).Order(), boards);
        Assert.All(boards, b => Assert.Contains(Directory.GetFiles(Out("tensorboard", b)),
            f => Path.GetFileName(f).StartsWith("events.out.tfevents.", StringComparison.Ordinal) && new FileInfo(f).Length > 0));

        // A kill after a run's results file but before its summary file: that run alone is redone.
        File.Delete(Directory.GetFiles(Out("runs"), "tanh_*_d3_*.summary.csv").Single());
        File.Delete(Out("summary.csv"));
        (code, output) = Sweep();
        Assert.Equal(0, code);
        Assert.Contains("1 runs done, 3 already there; 4 runs", output);
        // Seeded runs are reproducible, so the rebuilt summary matches the first one except for the timing column.
        static string[] WithoutSeconds(string[] lines) => lines.Select(l => l[..l.LastIndexOf(',')]).ToArray();
        Assert.Equal(WithoutSeconds(summary), WithoutSeconds(File.ReadAllLines(Out("summary.csv"))));
        Assert.Single(Directory.GetFiles(Directory.GetDirectories(Out("tensorboard"), "tanh_*_d3_*").Single()));
    }
}
