using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Model;
using ActGen.Generator.Naming;

namespace ActGen.Generator.Emit;

/// <summary>Parameter declarations and argument lists, in the user's order and with the user's defaults.</summary>
internal static class ParameterLists
{
    public static string Declarations(
        IEnumerable<ParameterModel> parameters,
        NumericType type,
        Namer namer,
        ISet<string>? asSpans = null)
    {
        var list = parameters.ToList();
        var optionalFrom = OptionalFrom(list, asSpans);
        return string.Join(", ", list.Select((p, i) => Declaration(p, type, namer, asSpans, optional: i >= optionalFrom)));
    }

    public static string WithLeading(string leading, string rest) => rest.Length == 0 ? leading : $"{leading}, {rest}";

    /// <summary>
    /// Where defaults start: C# forbids a required parameter after an optional one, so only the hyper-parameters after
    /// the last learnable or randomized one (which are required here, whatever default the user gave them) get theirs,
    /// and with spans present none does.
    /// </summary>
    private static int OptionalFrom(IReadOnlyList<ParameterModel> parameters, ISet<string>? asSpans)
    {
        var from = parameters.Count;
        while (asSpans is null && from > 0 && parameters[from - 1].Kind == ParameterKind.Hyper)
        {
            from--;
        }

        return from;
    }

    private static string Declaration(ParameterModel p, NumericType type, Namer namer, ISet<string>? asSpans, bool optional) =>
        (asSpans, p.Kind) switch
        {
            ({ } spans, _) when spans.Contains(p.Name) => $"global::System.ReadOnlySpan<{type.Keyword}> {namer.User(p.Name)}",
            (null, ParameterKind.Hyper) when optional => $"{type.Keyword} {namer.User(p.Name)} = {type.Literal(p.Value)}",
            _ => $"{type.Keyword} {namer.User(p.Name)}",
        };
}
