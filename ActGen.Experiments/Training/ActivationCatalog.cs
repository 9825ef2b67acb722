using System.Collections.Generic;
using System.Linq;

namespace ActGen.Experiments.Training;

/// <summary>
/// The activations a sweep can use: ActGen's registry, i.e. the built-in catalog plus every user activation
/// of the loaded assemblies (a user's own wins a name clash, as <see cref="ActivationRegistry.Find"/> decides).
/// </summary>
public static class ActivationCatalog
{
    /// <summary>Every registered name once, sorted; these are what <c>--activations</c> and <c>actgen list</c> accept.</summary>
    public static IReadOnlyList<string> Names()
    {
        ActivationRegistry.EnsureCatalog();
        return ActivationRegistry.All.Select(d => d.Name).Distinct().ToArray();
    }

    /// <summary>The definition registered under <paramref name="name"/> (case, '-' and '_' ignored); throws for an unknown one.</summary>
    public static ActivationDefinition Get(string name)
    {
        ActivationRegistry.EnsureCatalog();
        var definition = ActivationRegistry.Get(name);
        return definition.CreateModule is null
            ? throw new System.ArgumentException($"Activation '{name}' has no TorchSharp module (its TorchSharp code was not generated).", nameof(name))
            : definition;
    }
}
