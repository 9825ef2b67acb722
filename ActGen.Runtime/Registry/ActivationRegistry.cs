using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace ActGen;

/// <summary>
/// Every activation of every loaded assembly that uses ActGen: generated code registers each one when its
/// assembly loads. Look-up ignores case, '-' and '_', so <c>leaky-relu</c>, <c>leaky_relu</c> and <c>LeakyRelu</c> agree.
/// </summary>
public static class ActivationRegistry
{
    private static readonly ConcurrentDictionary<string, ActivationDefinition> ByKey = new(StringComparer.Ordinal);

    public static void Register(ActivationDefinition definition) =>
        ByKey[definition.Owner + "." + definition.Name] = definition;

    /// <summary>All registered activations, sorted by name then owner.</summary>
    public static IReadOnlyList<ActivationDefinition> All =>
        ByKey.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Owner, StringComparer.Ordinal).ToList();

    /// <summary>The activation called <paramref name="name"/>; a user's own wins over the built-in catalog's.</summary>
    public static ActivationDefinition? Find(string name)
    {
        var matches = FindAll(name);
        return matches.FirstOrDefault(d => d.Owner != typeof(Activations).FullName) ?? matches.FirstOrDefault();
    }

    /// <summary>Every activation <paramref name="name"/> (its name, or owner and name) denotes, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<ActivationDefinition> FindAll(string name)
    {
        var wanted = Normalize(name);
        return All.Where(d => Normalize(d.Name) == wanted || Normalize(d.Owner + "." + d.Name) == wanted).ToList();
    }

    public static ActivationDefinition Get(string name) =>
        Find(name) ?? throw new ArgumentException(
            $"Unknown activation '{name}'. Known: {string.Join(", ", All.Select(d => d.Name).Distinct())}.", nameof(name));

    /// <summary>Makes sure the built-in catalog is registered even if no catalog member has been touched yet.</summary>
    public static void EnsureCatalog() =>
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(Activations).Module.ModuleHandle);

    private static string Normalize(string name) => name.Replace("-", "").Replace("_", "").ToLowerInvariant();
}
