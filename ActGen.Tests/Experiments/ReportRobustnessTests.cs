using System;
using System.IO;
using System.Linq;
using ActGen.Experiments.Reporting;
using ActGen.Experiments.Results;
using Xunit;

namespace ActGen.Tests.Experiments;

/// <summary>The report step over runs whose gradients underflowed to 0, overflowed to ∞ or are NaN: it still writes report.md.</summary>
public sealed class ReportRobustnessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actgen-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RunKey Key(string activation, int depth) => new(activation, "he-normal", depth, 4, 0, "circles", "sgd", 0.1, 4, 8);

    private static (LayerRow[] Rows, RunSummary Summary) Run(string activation, int depth, double grad)
    {
        var key = Key(activation, depth);
        var rows = (from step in new[] { 0, 2, 4 }
                    from layer in Enumerable.Range(0, depth + 1)
                    select new LayerRow(key, step, layer, grad, grad, grad, grad, grad, 0, grad, 0, grad, double.NaN, grad, grad, 0.5, 0.5))
            .ToArray();
        return (rows, new RunSummary(key, grad, 0.5, 0.5, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
            double.NaN, double.NaN, grad, grad, 1.0));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void EveryGradientAtOneValueStillGivesAReport(double grad)
    {
        var store = new RunStore(_dir);
        foreach (var (activation, depth) in new[] { ("Relu", 1), ("Relu", 3), ("Tanh", 3) })
        {
            var (rows, summary) = Run(activation, depth, grad);
            store.Save(rows, summary, new RunConfig([("width", "4")]));
        }
        store.Rebuild();
        var path = Report.Write(_dir);
        var report = File.ReadAllText(path);
        Assert.Contains("| Relu | he-normal | 3 |", report);
        Assert.Contains("No heat map for Relu with he-normal: no layer has a positive finite mean |∂C/∂W|", report);
        Assert.All(Directory.GetFiles(Path.Combine(_dir, "plots")), p => Assert.True(new FileInfo(p).Length > 0));
        // A second report over the same folder (what every rerun does) works as well.
        Assert.Equal(report, File.ReadAllText(Report.Write(_dir)));
    }

    [Fact]
    public void WithoutAHeldOutSetTheAccuracyIsLabelledAsTheTrainingDatas()
    {
        var store = new RunStore(_dir);
        var (rows, summary) = Run("Relu", 3, 0.1);
        store.Save(rows, summary, new RunConfig([("test_fraction", "0")]));
        store.Rebuild();
        var report = File.ReadAllText(Report.Write(_dir));
        Assert.Contains("| accuracy on the training data (no held-out set) |", report);
        Assert.DoesNotContain("test accuracy", report);
    }
}
