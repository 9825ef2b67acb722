using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ActGen.Experiments.Cli;

/// <summary>
/// An activation as <c>--activations</c> spells it: a registry name, optionally with hyper-parameters,
/// <c>leaky-relu(negativeSlope=0.2)</c>. The canonical form (<see cref="ToString"/>) spells the name as the registry
/// does and the values in round-trip form, so it is what run ids and reports show.
/// </summary>
public sealed record ActivationName(string Name, IReadOnlyList<(string Parameter, double Value)> Arguments)
{
    public override string ToString() =>
        Arguments.Count == 0 ? Name
        : $"{Name}({string.Join(",", Arguments.Select(a => $"{a.Parameter}={a.Value.ToString("R", CultureInfo.InvariantCulture)}"))})";

    /// <summary>Splits "name(p=v,q=w)"; null with a message when the parentheses or a value do not parse.</summary>
    public static (ActivationName? Name, string? Error) Parse(string typed)
    {
        var open = typed.IndexOf('(');
        if (open < 0) return (new ActivationName(typed.Trim(), []), null);
        if (!typed.EndsWith(')')) return (null, $"--activations: '{typed}' lacks its closing parenthesis; write e.g. leaky-relu(negativeSlope=0.2).");
        var arguments = new List<(string, double)>();
        foreach (var part in typed[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[0].Length == 0
                || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                return (null, $"--activations: '{part}' in '{typed}' is not name=number; write e.g. leaky-relu(negativeSlope=0.2).");
            arguments.Add((pair[0], value));
        }
        return (new ActivationName(typed[..open].Trim(), arguments), null);
    }
}
