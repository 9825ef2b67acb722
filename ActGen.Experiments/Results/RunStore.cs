using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ActGen.Experiments.Results;

/// <summary>
/// The files of a sweep under <see cref="OutDir"/>. Each finished run gets <c>runs/ID.results.csv</c> and then
/// <c>runs/ID.summary.csv</c>, each written atomically; the summary file marks the run finished, so a sweep
/// killed at any point resumes by skipping exactly the runs whose summary exists. The combined
/// <c>results.csv</c> and <c>summary.csv</c> are rebuilt from the per-run files (sorted by id).
/// </summary>
public sealed record RunStore(string OutDir)
{
    public string RunsDir => Path.Combine(OutDir, "runs");
    public string ResultsPath => Path.Combine(OutDir, "results.csv");
    public string SummaryPath => Path.Combine(OutDir, "summary.csv");

    private string RunResultsPath(RunKey key) => Path.Combine(RunsDir, key.Id + ".results.csv");
    private string RunSummaryPath(RunKey key) => Path.Combine(RunsDir, key.Id + ".summary.csv");

    /// <summary>True when the run's summary exists with the current summary header.</summary>
    public bool IsFinished(RunKey key) => HasCurrentHeader(RunSummaryPath(key), Csv.Header(Schemas.Summary));

    /// <summary>Writes one finished run: its rows, then its summary (which marks it finished).</summary>
    public void Save(IReadOnlyList<LayerRow> rows, RunSummary summary)
    {
        if (rows.Any(r => r.Key != summary.Key))
            throw new ArgumentException("every row must belong to the summary's run", nameof(rows));
        Directory.CreateDirectory(RunsDir);
        AtomicFile.WriteAllText(RunResultsPath(summary.Key), Csv.Table(Schemas.Results, rows));
        AtomicFile.WriteAllText(RunSummaryPath(summary.Key), Csv.Table(Schemas.Summary, [summary]));
    }

    /// <summary>
    /// Rebuilds summary.csv (and results.csv when <paramref name="includeResults"/>, the larger job) from the
    /// finished runs. Returns how many runs each file holds; per-run files with an outdated header are left out.
    /// </summary>
    public int Rebuild(bool includeResults = true)
    {
        Directory.CreateDirectory(RunsDir);
        var summaryHeader = Csv.Header(Schemas.Summary);
        var resultsHeader = Csv.Header(Schemas.Results);
        var finished = Directory.EnumerateFiles(RunsDir, "*.summary.csv")
            .Where(p => !AtomicFile.IsTemp(p) && HasCurrentHeader(p, summaryHeader))
            .Select(p => p[..^".summary.csv".Length])
            .Where(stem => HasCurrentHeader(stem + ".results.csv", resultsHeader))
            .Order(StringComparer.Ordinal)
            .ToArray();
        AtomicFile.Concatenate(SummaryPath, summaryHeader, finished.Select(s => s + ".summary.csv"));
        if (includeResults)
            AtomicFile.Concatenate(ResultsPath, resultsHeader, finished.Select(s => s + ".results.csv"));
        return finished.Length;
    }

    private static bool HasCurrentHeader(string path, string header)
    {
        if (!File.Exists(path)) return false;
        using var reader = new StreamReader(path);
        return reader.ReadLine() == header;
    }
}
