using System.Collections.Generic;
using System.Linq;

namespace ActGen.Experiments.Training;

/// <summary>
/// The activations a sweep can use: ActGen's registry, i.e. the built-in catalog, the experiments' own and every
/// activation of an <c>--assembly</c>. A name several share means the <c>--assembly</c> one (else the one
/// <see cref="ActivationRegistry.Find"/> picks: a non-catalog one over the catalog's), and each of them is offered by
/// its full name (<c>Owner.Name</c>) too.
/// </summary>
public static class ActivationCatalog
{
    /// <summary>Every registered name once, then the full names of those that share one: what <c>--activations</c> and <c>actgen list</c> accept.</summary>
    public static IReadOnlyList<string> Names()
    {
        ActivationRegistry.EnsureCatalog();
        var all = ActivationRegistry.All;
        var shared = all.GroupBy(d => d.Name, System.StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).SelectMany(g => g);
        return all.Select(d => d.Name).Distinct().Concat(shared.Select(d => $"{d.Owner}.{d.Name}")).ToArray();
    }

    /// <summary>The definition registered under <paramref name="name"/> (case, '-' and '_' ignored); throws for an unknown one.</summary>
    public static ActivationDefinition Get(string name)
    {
        ActivationRegistry.EnsureCatalog();
        var definition = ActivationRegistry.FindAll(name).LastOrDefault(Cli.UserAssemblies.Registered) ?? ActivationRegistry.Get(name);
        return definition.CreateModule is null
            ? throw new System.ArgumentException($"Activation '{name}' has no TorchSharp module (its TorchSharp code was not generated).", nameof(name))
            : definition;
    }
}
