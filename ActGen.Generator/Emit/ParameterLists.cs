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
        ISet<string>? asSpans = null) =>
        string.Join(", ", parameters.Select(p => Declaration(p, type, namer, asSpans)));

    public static string WithLeading(string leading, string rest) => rest.Length == 0 ? leading : $"{leading}, {rest}";

    /// <summary>With spans present, no parameter gets a default (C# forbids a required one after an optional one).</summary>
    private static string Declaration(ParameterModel p, NumericType type, Namer namer, ISet<string>? asSpans) => (asSpans, p.Kind) switch
    {
        ({ } spans, _) when spans.Contains(p.Name) => $"global::System.ReadOnlySpan<{type.Keyword}> {namer.User(p.Name)}",
        (null, ParameterKind.Hyper) => $"{type.Keyword} {namer.User(p.Name)} = {type.Literal(p.Value)}",
        _ => $"{type.Keyword} {namer.User(p.Name)}",
    };
}
