using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ActGen.Experiments.Results;
using Xunit;

namespace ActGen.Tests.Experiments;

/// <summary>
/// A sweep split over separate <c>actgen</c> processes with <c>--shard K/N</c> into one folder, then <c>actgen report</c>,
/// gives the single-process sweep's files byte for byte (but the seconds column).
/// </summary>
public sealed class ShardTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actgen-shards-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] SweepArgs =
        ["sweep", "--activations", "relu,tanh", "--init", "he-normal", "--depths", "1,3", "--width", "8", "--steps", "4",
         "--log-every", "2", "--batch", "32", "--seeds", "0,1", "--quiet"];

    private static async Task<(int Code, string Output)> Actgen(params string[] args)
    {
        var run = await ChildProcess.Dotnet("actgen.dll", args);
        return (run.Code, run.Output + run.Error);
    }

    private static string[] WithoutSeconds(string path) =>
        File.ReadAllLines(path).Select(l => l[..l.LastIndexOf(',')]).ToArray();

    [Fact]
    public async Task ShardsRunAsSeparateProcessesMergeIntoTheSingleProcessSweep()
    {
        var whole = Path.Combine(_dir, "whole");
        var shared = Path.Combine(_dir, "shared");
        var single = await Actgen([.. SweepArgs, "--out", whole]);
        Assert.True(single.Code == 0, single.Output);

        const int n = 3;
        var shards = await Task.WhenAll(Enumerable.Range(0, n).Select(k => Actgen([.. SweepArgs, "--out", shared, "--shard", $"{k}/{n}"])));
        Assert.All(shards, s => Assert.True(s.Code == 0, s.Output));
        Assert.All(shards, s => Assert.Contains("When every shard is in: actgen report --out", s.Output));
        Assert.False(File.Exists(Path.Combine(shared, "report.md")));
        var owned = Enumerable.Range(0, n).Select(k =>
            Directory.GetFiles(Path.Combine(shared, "runs"), "*.summary.csv").Count(f =>
                new Shard(k, n).Owns(ResultsReader.Summaries(f).Single().Key))).ToArray();
        Assert.Equal(8, owned.Sum());
        Assert.All(owned, c => Assert.True(c > 0, "every shard gets runs"));

        var report = await Actgen("report", "--out", shared);
        Assert.True(report.Code == 0, report.Output);
        Assert.Contains("8 runs in", report.Output);
        Assert.Equal(WithoutSeconds(Path.Combine(whole, "summary.csv")), WithoutSeconds(Path.Combine(shared, "summary.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "results.csv")), File.ReadAllBytes(Path.Combine(shared, "results.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "report.md")), File.ReadAllText(Path.Combine(shared, "report.md")));
    }

    [Fact]
    public async Task AReportOfAFolderWithoutRunsSaysSo()
    {
        var (code, output) = await Actgen("report", "--out", _dir);
        Assert.Equal(2, code);
        Assert.Contains($"--out {_dir}: no runs/ folder here", output);
    }
}
