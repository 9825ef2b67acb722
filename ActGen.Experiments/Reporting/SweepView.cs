using System.Collections.Generic;
using System.Linq;
using ActGen.Experiments.Results;

namespace ActGen.Experiments.Reporting;

/// <summary>
/// A sweep's finished runs arranged for plots and the report: activations and inits in a fixed order, and
/// per activation × init its representative run — the deepest depth, the lowest seed.
/// </summary>
public sealed record SweepView(IReadOnlyList<RunSummary> Summaries, IReadOnlyList<LayerRow> Rows)
{
    public IReadOnlyList<string> Activations => Summaries.Select(s => s.Key.Activation).Distinct().Order().ToArray();
    public IReadOnlyList<string> Inits => Summaries.Select(s => s.Key.Init).Distinct().Order().ToArray();
    public IReadOnlyList<int> Depths => Summaries.Select(s => s.Key.Depth).Distinct().Order().ToArray();

    /// <summary>The runs of one activation × init, every depth and seed.</summary>
    public IEnumerable<RunSummary> Of(string activation, string init) =>
        Summaries.Where(s => s.Key.Activation == activation && s.Key.Init == init);

    /// <summary>The deepest run of <paramref name="activation"/> × <paramref name="init"/> (lowest seed), or null.</summary>
    public RunSummary? Representative(string activation, string init) =>
        Of(activation, init).OrderByDescending(s => s.Key.Depth).ThenBy(s => s.Key.Seed).FirstOrDefault();

    /// <summary>The representative runs, activation-major.</summary>
    public IEnumerable<RunSummary> Representatives() =>
        from a in Activations from i in Inits let r = Representative(a, i) where r is not null select r;

    /// <summary>One run's rows at one step, from the input layer to the output layer.</summary>
    public IReadOnlyList<LayerRow> Layers(RunKey key, int step) =>
        RowsOf(key).Where(r => r.Step == step).OrderBy(r => r.Layer).ToArray();

    /// <summary>The steps at which <paramref name="key"/> was measured, in order.</summary>
    public IReadOnlyList<int> Steps(RunKey key) => RowsOf(key).Select(r => r.Step).Distinct().Order().ToArray();

    private IEnumerable<LayerRow> RowsOf(RunKey key) => RowsByKey.TryGetValue(key, out var rows) ? rows : [];

    private Dictionary<RunKey, LayerRow[]> RowsByKey { get; } = Rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.ToArray());
}
