using System;
using System.Collections.Generic;
using System.Linq;

namespace ActGen.Experiments.Results;

/// <summary>
/// Every setting of a sweep that changes a run's numbers beyond its key's activation, init, depth and seed (the
/// axes a sweep varies): data set and its parameters, head, optimiser, rate, length, batch, width, log interval,
/// measurement batch. Stored beside each run (<c>runs/ID.config.csv</c>), so a sweep sent to a folder that holds
/// another experiment is refused instead of answered with the old runs.
/// </summary>
public sealed record RunConfig(IReadOnlyList<(string Name, string Value)> Settings)
{
    public string Text => Csv.Table<(string Name, string Value)>(
        [new("setting", s => s.Name), new("value", s => s.Value)], Settings);

    public static RunConfig? Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0] != "setting,value") return null;
        var settings = new List<(string, string)>();
        foreach (var line in lines.Skip(1))
        {
            var fields = ResultsReader.Fields(line);
            if (fields.Count != 2) return null;
            settings.Add((fields[0], fields[1]));
        }
        return new RunConfig(settings);
    }

    /// <summary>The first setting whose value differs (or that only one side has), or null when they agree.</summary>
    public (string Name, string Here, string There)? FirstDifference(RunConfig other)
    {
        var mine = Settings.ToDictionary(s => s.Name, s => s.Value);
        var theirs = other.Settings.ToDictionary(s => s.Name, s => s.Value);
        foreach (var name in mine.Keys.Union(theirs.Keys))
        {
            var (a, b) = (mine.GetValueOrDefault(name, "(unset)"), theirs.GetValueOrDefault(name, "(unset)"));
            if (a != b) return (name, a, b);
        }
        return null;
    }

    public bool Equals(RunConfig? other) => other is not null && FirstDifference(other) is null;

    public override int GetHashCode() => Settings.Count;
}
