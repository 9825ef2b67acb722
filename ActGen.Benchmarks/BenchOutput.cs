using System.Collections.Generic;
using System.IO;
using System.Linq;
using ActGen.Experiments.Results;

namespace ActGen.Benchmarks;

/// <summary>Writes a bench run's files into its output folder; returns their paths.</summary>
public static class BenchOutput
{
    public static IReadOnlyList<string> Write(BenchResult result, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var written = new List<string>();
        void Put(string name, string text)
        {
            var path = Path.Combine(outDir, name);
            AtomicFile.WriteAllText(path, text);
            written.Add(path);
        }

        Put("bench.csv", Csv.Table(BenchCsv.Pinned, result.Rows.Where(r => r.Row.Impl != ImplName.Span).Select(r => r.Row)));
        Put("bench-details.csv", Csv.Table(BenchCsv.Details, result.Rows));
        Put("bandwidth.csv", Csv.Table(BenchCsv.Bandwidths, result.Bandwidths));
        Put("memory.csv", Csv.Table(BenchCsv.Memory, result.Memory));
        Put("overhead.csv", Csv.Table(BenchCsv.Overhead, result.Overheads));
        Put("step.csv", Csv.Table(BenchCsv.Step, result.Steps));
        Put("bench.md", BenchMarkdown.Render(result));
        Put("targets.csv", Targets.Csv(Targets.Evaluate(result)));
        foreach (var phase in Phase.All)
            foreach (var dtype in result.Rows.Select(r => r.Row.Dtype).Distinct())
                Put(LogLogPlot.FileName(phase, dtype), LogLogPlot.Render(result.Rows, phase, dtype));
        return written;
    }
}
