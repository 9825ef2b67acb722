using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ActGen.Experiments.Cli;

/// <summary>Lists of integers: "1,2,4", a range "1-32", a stepped range "1-32:4", or any comma-separated mix.</summary>
public static class IntList
{
    public const string Syntax = "a list like 1,2,4, a range like 1-32 or a stepped range like 1-32:4";

    /// <summary>
    /// How many values <paramref name="text"/> names before duplicates are removed (as a long: "1-2000000000" names two
    /// billion), counted without listing them; null when it does not parse.
    /// </summary>
    public static long? Count(string text)
    {
        long count = 0;
        foreach (var part in text.Split(',', System.StringSplitOptions.TrimEntries))
        {
            var (range, stepText) = part.Split(':') switch { [var r] => (r, "1"), [var r, var s] => (r, s), _ => (null, null) };
            if (range is null || !Int(stepText!, out var step) || step < 1) return null;
            long? n = range.Split('-') switch
            {
                [var single] when Int(single, out _) && stepText == "1" => 1,
                [var lo, var hi] when Int(lo, out var a) && Int(hi, out var b) && a <= b => ((long)b - a) / step + 1,
                _ => null,
            };
            if (n is null) return null;
            count += n.Value;
        }
        return count;
    }

    /// <summary>The distinct values in the order first given, or null when <paramref name="text"/> does not parse.</summary>
    public static IReadOnlyList<int>? TryParse(string text)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', System.StringSplitOptions.TrimEntries))
        {
            var expanded = Part(part);
            if (expanded is null) return null;
            values.AddRange(expanded);
        }
        return values.Count == 0 ? null : values.Distinct().ToArray();
    }

    private static IEnumerable<int>? Part(string part)
    {
        var (range, stepText) = part.Split(':') switch
        {
            [var r] => (r, "1"),
            [var r, var s] => (r, s),
            _ => (null, null),
        };
        if (range is null || !Int(stepText!, out var step) || step < 1) return null;
        var bounds = range.Split('-');
        return bounds switch
        {
            [var single] when Int(single, out var v) && stepText == "1" => [v],
            [var lo, var hi] when Int(lo, out var a) && Int(hi, out var b) && a <= b =>
                Enumerable.Range(0, (b - a) / step + 1).Select(i => a + i * step),
            _ => null,
        };
    }

    private static bool Int(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
