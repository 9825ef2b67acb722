using System;
using System.IO;
using System.Linq;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Results;
using ActGen.Experiments.Training;
using Xunit;

namespace ActGen.Tests.Experiments;

public sealed class SweepRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actgen-sweep-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Output) Sweep()
    {
        var parsed = SweepOptionsParser.Parse(new RawSweepArgs(
            Activations: "relu,tanh", Init: "he-normal", Depths: "1,3", Width: "8", Steps: "4", LogEvery: "2",
            Batch: "32", Out: _dir, Quiet: true), BuiltinModules.ByName.Keys.ToArray());
        var output = new StringWriter();
        var code = new SweepRunner(name => BuiltinModules.ByName[name]).Run(parsed.Value!, output, new StringWriter());
        return (code, output.ToString());
    }

    [Fact]
    public void TinySweepWritesBothCsvsAndResumesAfterAKill()
    {
        var (code, output) = Sweep();
        Assert.Equal(0, code);
        Assert.Contains("4 runs done, 0 already there", output);
        var summary = File.ReadAllLines(Path.Combine(_dir, "summary.csv"));
        Assert.Equal(Csv.Header(Schemas.Summary), summary[0]);
        Assert.Equal(5, summary.Length);
        var results = File.ReadAllLines(Path.Combine(_dir, "results.csv"));
        Assert.Equal(Csv.Header(Schemas.Results), results[0]);
        Assert.Equal(2 * 3 * (2 + 4), results.Length - 1); // 2 activations × steps 0, 2, 4 × (2 + 4 layers over depths 1 and 3)
        Assert.All(summary.Skip(1), l => Assert.Equal(Schemas.Summary.Count, l.Split(',').Length));

        // A kill after a run's results file but before its summary file: that run alone is redone.
        File.Delete(Directory.GetFiles(Path.Combine(_dir, "runs"), "tanh_*_d3_*.summary.csv").Single());
        File.Delete(Path.Combine(_dir, "summary.csv"));
        (code, output) = Sweep();
        Assert.Equal(0, code);
        Assert.Contains("1 runs done, 3 already there; 4 runs", output);
        // Seeded runs are reproducible, so the rebuilt summary matches the first one except for the timing column.
        static string[] WithoutSeconds(string[] lines) => lines.Select(l => l[..l.LastIndexOf(',')]).ToArray();
        Assert.Equal(WithoutSeconds(summary), WithoutSeconds(File.ReadAllLines(Path.Combine(_dir, "summary.csv"))));
    }
}
