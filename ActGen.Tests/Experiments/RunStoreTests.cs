using System;
using System.IO;
using System.Linq;
using ActGen.Experiments.Results;
using Xunit;

namespace ActGen.Tests.Experiments;

public sealed class RunStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actgen-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly RunConfig Config = new([("dataset", "circles"), ("noise", "0.1")]);

    private static RunKey Key(int seed) => new("Relu", "he-normal", 2, 4, seed, "circles", "sgd", 0.1, 10, 8);

    private static (LayerRow[] Rows, RunSummary Summary) Run(int seed)
    {
        var key = Key(seed);
        var rows = Enumerable.Range(0, 3)
            .Select(layer => new LayerRow(key, 0, layer, 0.1 * (layer + 1), -0.02, 0.01, 1.5, 0.2, 0, 0.3, 0.5, 0.4, 0.25, 0.69, 0.7, 0.5, 0.5))
            .ToArray();
        return (rows, new RunSummary(key, 0.6, 0.7, 0.65, 0.24, 0.3, 0.2, 0.22, 0.0, 0.05, 1.0, 2.0, 3.0, 2.5, 0.5));
    }

    [Fact]
    public void SavedRunsAreFinishedAndCombinedInIdOrder()
    {
        var store = new RunStore(_dir);
        Assert.False(store.IsFinished(Key(1)));
        foreach (var seed in new[] { 2, 1 })
        {
            var (rows, summary) = Run(seed);
            store.Save(rows, summary, Config);
        }
        Assert.True(store.IsFinished(Key(1)));
        Assert.Equal(2, store.Rebuild());

        var summaryLines = File.ReadAllLines(store.SummaryPath);
        Assert.Equal(Csv.Header(Schemas.Summary), summaryLines[0]);
        Assert.Equal(3, summaryLines.Length);
        Assert.StartsWith("Relu,he-normal,2,4,1,circles,sgd,0.1,10,8,0.6,0.7,0.65,0.24", summaryLines[1]);
        Assert.StartsWith("Relu,he-normal,2,4,2,", summaryLines[2]);

        var resultLines = File.ReadAllLines(store.ResultsPath);
        Assert.Equal(1 + 2 * 3, resultLines.Length);
        Assert.All(resultLines.Skip(1), l => Assert.Equal(Schemas.Results.Count, l.Split(',').Length));
    }

    [Fact]
    public void AKilledRunLeavesNoFinishedMarkAndTheRebuildIgnoresIt()
    {
        var store = new RunStore(_dir);
        var (rows, summary) = Run(1);
        store.Save(rows, summary, Config);
        // A kill between the results file and the summary file, and a temp file from a kill mid-write:
        File.WriteAllText(Path.Combine(store.RunsDir, Key(2).Id + ".results.csv"), Csv.Table(Schemas.Results, Run(2).Rows));
        File.WriteAllText(Path.Combine(store.RunsDir, Key(3).Id + ".summary.csv.tmp-0123"), "activation,ini");
        Assert.False(store.IsFinished(Key(2)));
        Assert.False(store.IsFinished(Key(3)));
        Assert.Equal(1, store.Rebuild());
        Assert.Equal(2, File.ReadAllLines(store.SummaryPath).Length);
    }

    [Fact]
    public void RunsWrittenWithAnOutdatedSchemaCountAsUnfinished()
    {
        var store = new RunStore(_dir);
        Directory.CreateDirectory(store.RunsDir);
        File.WriteAllText(Path.Combine(store.RunsDir, Key(1).Id + ".summary.csv"), "activation,init,old\nRelu,he,1\n");
        Assert.False(store.IsFinished(Key(1)));
        Assert.Equal(0, store.Rebuild(includeResults: false));
        Assert.False(File.Exists(store.ResultsPath));
    }

    [Fact]
    public void SavingRowsOfAnotherRunIsRefused()
    {
        var (rows, _) = Run(1);
        Assert.Throws<ArgumentException>(() => new RunStore(_dir).Save(rows, Run(2).Summary, Config));
    }

    [Fact]
    public void AtomicWriteReplacesTheWholeFileAndLeavesNoTemp()
    {
        var path = Path.Combine(_dir, "f.csv");
        AtomicFile.WriteAllText(path, "old\n");
        AtomicFile.WriteAllText(path, "new\n");
        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void ARunFileCutMidRowOrMadeWithAnotherConfigIsUnfinished()
    {
        var store = new RunStore(_dir);
        foreach (var seed in new[] { 1, 2 })
        {
            var (rows, summary) = Run(seed);
            store.Save(rows, summary, Config);
        }
        var results = Path.Combine(store.RunsDir, Key(1).Id + ".results.csv");
        var text = File.ReadAllText(results);
        File.WriteAllText(results, text[..(text.Length - 7)]);   // a copy or a full disk that stopped mid-row
        Assert.False(store.IsFinished(Key(1), Config));
        Assert.True(store.IsFinished(Key(2), Config));
        Assert.False(store.IsFinished(Key(2), new RunConfig([("dataset", "circles"), ("noise", "0.2")])));
        Assert.Equal(("noise", "0.1", "0.2"), Config.FirstDifference(new RunConfig([("dataset", "circles"), ("noise", "0.2")])));
        Assert.Equal(1, store.Rebuild());
        Assert.Equal(["2"], store.FinishedConfigs().Select(c => c.Id.Split("_s")[1][..1]));
    }
}
