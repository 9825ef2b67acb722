using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ActGen.Experiments.Results;

/// <summary>Reads results.csv and summary.csv back into their records, by column name (so column order may change).</summary>
public static class ResultsReader
{
    public static IReadOnlyList<RunSummary> Summaries(string path) => Read(path, r => new RunSummary(
        Key(r), r.D("train_loss"), r.D("train_accuracy"), r.D("test_accuracy"), r.D("decay_per_layer"),
        r.D("decay_per_layer_all_layers"), r.D("decay_per_layer_final"), r.D("decay_per_layer_mean"), r.D("predicted_decay_per_layer"), r.D("predicted_decay_finite_depth"), r.D("chi1"),
        r.D("q_star"), r.D("grad_ratio_last_first"),
        r.D("grad_ratio_last_first_training"), r.D("seconds")));

    public static IReadOnlyList<LayerRow> Rows(string path) => Read(path, r => new LayerRow(
        Key(r), r.I("step"), r.I("layer"), r.D("grad_mean_abs"), r.D("grad_mean"), r.D("grad_std"), r.D("grad_l2"), r.D("bias_grad_mean_abs"),
        r.D("weight_mean"), r.D("weight_std"), r.D("activation_mean"), r.D("activation_std"), r.D("dead_fraction"),
        r.D("loss"), r.D("batch_loss"), r.D("train_accuracy"), r.D("test_accuracy")));

    private static RunKey Key(Row r) => new(
        r.S("activation"), r.S("init"), r.I("depth"), r.I("width"), r.I("seed"), r.S("dataset"), r.S("optimizer"),
        r.D("lr"), r.I("steps"), r.I("batch"));

    private sealed record Row(IReadOnlyDictionary<string, int> Index, IReadOnlyList<string> Fields)
    {
        public string S(string column) => Fields[Index[column]];
        public double D(string column) =>
            S(column) is "" ? double.NaN : double.Parse(S(column), NumberStyles.Float, CultureInfo.InvariantCulture);
        public int I(string column) => int.Parse(S(column), NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    private static IReadOnlyList<T> Read<T>(string path, Func<Row, T> parse)
    {
        if (!File.Exists(path)) return [];
        using var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext()) return [];
        var header = Fields(lines.Current);
        var index = header.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        var rows = new List<T>();
        while (lines.MoveNext())
            if (lines.Current.Length > 0) rows.Add(parse(new Row(index, Fields(lines.Current))));
        return rows;
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting; fields never hold line breaks here).</summary>
    public static IReadOnlyList<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
