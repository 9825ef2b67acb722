using System;
using System.Linq;

namespace ActGen.Benchmarks;

/// <summary>
/// The catalog's parameters as its registered definitions declare them: the bench copies no default, so a changed
/// default in <see cref="Activations"/> changes every implementation the bench compares.
/// </summary>
public sealed class Defaults
{
    public Defaults() => ActivationRegistry.EnsureCatalog();

    /// <summary>The parameter <paramref name="parameter"/> of the catalog's <paramref name="activation"/>.</summary>
    public ActivationParameter Parameter(string activation, string parameter) =>
        Catalog(activation).Parameters.FirstOrDefault(p => p.Name == parameter)
        ?? throw new ArgumentException($"{activation} has no parameter '{parameter}'.", nameof(parameter));

    /// <summary>Its default (hyper), initial value (learnable) or evaluation value (randomized).</summary>
    public double Of(string activation, string parameter) => Parameter(activation, parameter).Default;

    /// <summary>
    /// SELU's scale and α, which the catalog keeps as private constants: read back from its registered function,
    /// selu(1) = scale and selu(−∞) = −scale·α (expm1 is exactly −1 there).
    /// </summary>
    public (double Scale, double Alpha) SeluConstants()
    {
        var selu = Catalog("Selu");
        var scale = selu.Apply(1);
        return (scale, -selu.Apply(-1000) / scale);
    }

    private static ActivationDefinition Catalog(string name) =>
        ActivationRegistry.All.FirstOrDefault(d => d.Name == name && d.Owner == typeof(Activations).FullName)
        ?? throw new ArgumentException($"'{name}' is not in the built-in catalog.", nameof(name));
}
