using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ActGen.Experiments.Results;

/// <summary>
/// The files of a sweep under <see cref="OutDir"/>. Each finished run gets <c>runs/ID.config.csv</c>,
/// <c>runs/ID.results.csv</c> and then <c>runs/ID.summary.csv</c>, each written atomically; the summary file marks
/// the run finished, so a sweep killed at any point resumes by skipping exactly the runs whose files are whole.
/// The combined <c>results.csv</c> and <c>summary.csv</c> are rebuilt from the per-run files (sorted by id).
/// </summary>
public sealed record RunStore(string OutDir)
{
    public string RunsDir => Path.Combine(OutDir, "runs");
    public string ResultsPath => Path.Combine(OutDir, "results.csv");
    public string SummaryPath => Path.Combine(OutDir, "summary.csv");

    private string RunResultsPath(RunKey key) => Stem(key) + ".results.csv";
    private string RunSummaryPath(RunKey key) => Stem(key) + ".summary.csv";
    private string RunConfigPath(RunKey key) => Stem(key) + ".config.csv";
    private string Stem(RunKey key) => Path.Combine(RunsDir, key.Id);

    private static string SummaryHeader => Csv.Header(Schemas.Summary);
    private static string ResultsHeader => Csv.Header(Schemas.Results);

    /// <summary>
    /// True when the run's summary and results are whole, under the current headers, and were made with
    /// <paramref name="config"/> (any config when null). A file cut mid-row, or of an older schema, counts as unfinished.
    /// </summary>
    public bool IsFinished(RunKey key, RunConfig? config = null) =>
        IsWhole(Stem(key)) && (config is null || ConfigOf(RunConfigPath(key)) is { } stored && stored.Equals(config));

    /// <summary>Writes one finished run: its configuration, its rows, then its summary (which marks it finished).</summary>
    public void Save(IReadOnlyList<LayerRow> rows, RunSummary summary, RunConfig config)
    {
        if (rows.Any(r => r.Key != summary.Key))
            throw new ArgumentException("every row must belong to the summary's run", nameof(rows));
        Directory.CreateDirectory(RunsDir);
        AtomicFile.WriteAllText(RunConfigPath(summary.Key), config.Text);
        AtomicFile.WriteAllText(RunResultsPath(summary.Key), Csv.Table(Schemas.Results, rows));
        AtomicFile.WriteAllText(RunSummaryPath(summary.Key), Csv.Table(Schemas.Summary, [summary]));
    }

    /// <summary>The configuration of every finished run in the folder, by run id.</summary>
    public IEnumerable<(string Id, RunConfig Config)> FinishedConfigs() =>
        FinishedStems().Select(stem => (Path.GetFileName(stem), ConfigOf(stem + ".config.csv")))
            .Where(p => p.Item2 is not null).Select(p => (p.Item1, p.Item2!));

    /// <summary>
    /// Rebuilds summary.csv (and results.csv when <paramref name="includeResults"/>, the larger job) from the
    /// finished runs. Returns how many runs each file holds; per-run files that are not whole are left out.
    /// </summary>
    public int Rebuild(bool includeResults = true)
    {
        Directory.CreateDirectory(RunsDir);
        var finished = FinishedStems().ToArray();
        AtomicFile.Concatenate(SummaryPath, SummaryHeader, finished.Select(s => s + ".summary.csv"));
        if (includeResults)
            AtomicFile.Concatenate(ResultsPath, ResultsHeader, finished.Select(s => s + ".results.csv"));
        return finished.Length;
    }

    private IEnumerable<string> FinishedStems() =>
        !Directory.Exists(RunsDir) ? [] :
        Directory.EnumerateFiles(RunsDir, "*.summary.csv")
            .Where(p => !AtomicFile.IsTemp(p))
            .Select(p => p[..^".summary.csv".Length])
            .Where(IsWhole)
            .Order(StringComparer.Ordinal);

    private static bool IsWhole(string stem) =>
        CsvFile.IsWhole(stem + ".summary.csv", SummaryHeader) && CsvFile.IsWhole(stem + ".results.csv", ResultsHeader);

    private static RunConfig? ConfigOf(string path) => File.Exists(path) ? RunConfig.Parse(File.ReadAllText(path)) : null;
}
