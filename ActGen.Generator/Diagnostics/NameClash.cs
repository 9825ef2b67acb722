using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;

namespace ActGen.Generator.Diagnostics;

/// <summary>
/// Activations of one name in two classes: the registry looks names up ignoring case, '-' and '_', so
/// <c>ActivationRegistry.Find("foo")</c> cannot tell them apart. A warning at each says how to name them.
/// </summary>
internal static class NameClash
{
    public sealed record Header(string Name, string Owner, LocationInfo? Location)
    {
        public static Header? Of(ParseResult result) =>
            result.Model is { } m ? new Header(m.Name, m.Site.Owner, result.Location) : null;
    }

    public static IEnumerable<DiagnosticInfo> Find(ImmutableArray<Header?> headers) =>
        headers.OfType<Header>()
            .GroupBy(h => RegistryName(h.Name))
            .Where(g => g.Select(h => h.Owner).Distinct().Count() > 1)
            .SelectMany(g => g.Select(h => new DiagnosticInfo(
                Descriptors.AmbiguousName,
                h.Location,
                EquatableArray.Of(
                    h.Name,
                    string.Join(", ", g.Select(o => $"'{o.Owner}'").Distinct().OrderBy(o => o, System.StringComparer.Ordinal)),
                    $"{h.Owner}.{h.Name}"))));

    /// <summary>As <c>ActivationRegistry</c> compares names.</summary>
    private static string RegistryName(string name) => name.Replace("-", "").Replace("_", "").ToLowerInvariant();
}
