using System.CommandLine;
using System.IO;
using ActGen.Experiments.Reporting;
using ActGen.Experiments.Results;

namespace ActGen.Experiments.Cli;

/// <summary>
/// <c>actgen report --out DIR</c>: rebuilds summary.csv, results.csv, the plots and report.md from every finished run
/// in DIR (all shards).
/// </summary>
public static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var outDir = new Option<string>("--out") { Description = "the sweep folder (every shard's --out)", Required = true };
        var command = new Command("report", "Rebuild summary.csv, results.csv, plots and report.md from the runs in a sweep folder (all shards).")
        {
            outDir,
        };
        command.SetAction(result => Run(result.GetValue(outDir)!, output, error));
        return command;
    }

    public static int Run(string outDir, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(Path.Combine(outDir, "runs")))
        {
            error.WriteLine($"--out {outDir}: no runs/ folder here; give the folder a sweep wrote into.");
            return 2;
        }
        if (OutFolder.Problem(outDir) is { } problem) { error.WriteLine(problem); return 2; }
        var (held, locked) = OutLock.Acquire(outDir, shard: null);
        if (held is null) { error.WriteLine(locked); return 5; }
        using (held)
        {
            var store = new RunStore(outDir);
            var count = store.Rebuild();
            if (count == 0) { error.WriteLine($"--out {outDir}: no finished runs in runs/."); return 2; }
            var report = Report.Write(outDir);
            output.WriteLine($"{count} runs in {store.SummaryPath}");
            output.WriteLine($"Report: {report}");
            return 0;
        }
    }
}
