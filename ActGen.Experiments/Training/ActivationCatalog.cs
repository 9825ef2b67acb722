using System.Collections.Generic;
using System.Linq;

namespace ActGen.Experiments.Training;

/// <summary>
/// The activations a sweep can use: ActGen's registry, i.e. the built-in catalog, the experiments' own and every
/// activation of an <c>--assembly</c>. A name an <c>--assembly</c> activation shares with one of actgen's own keeps
/// meaning actgen's, with or without the assembly, so that runs recorded under it never mix the two; each of those is
/// offered by its full name (<c>Owner.Name</c>) too, which is what the loaded one is swept and recorded under.
/// </summary>
public static class ActivationCatalog
{
    /// <summary>Every registered name once, then the full names of those that share one: what <c>--activations</c> and <c>actgen list</c> accept.</summary>
    public static IReadOnlyList<string> Names()
    {
        ActivationRegistry.EnsureCatalog();
        var all = ActivationRegistry.All;
        var shared = all.Where(d => ActivationRegistry.FindAll(d.Name).Count > 1);
        return all.Select(d => d.Name).Distinct().Concat(shared.Select(d => $"{d.Owner}.{d.Name}")).ToArray();
    }

    /// <summary>The definition registered under <paramref name="name"/> (case, '-' and '_' ignored); throws for an unknown one.</summary>
    public static ActivationDefinition Get(string name)
    {
        ActivationRegistry.EnsureCatalog();
        var definition = ActivationRegistry.FindAll(name).FirstOrDefault(d => !Cli.UserAssemblies.Registered(d)) ?? ActivationRegistry.Get(name);
        return definition.CreateModule is null
            ? throw new System.ArgumentException($"Activation '{name}' has no TorchSharp module (its TorchSharp code was not generated).", nameof(name))
            : definition;
    }
}
