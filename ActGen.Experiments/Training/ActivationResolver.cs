using System;
using System.Linq;
using ActGen.Experiments.Cli;

namespace ActGen.Experiments.Training;

/// <summary>
/// The definition behind an activation with hyper-parameters, <c>LeakyRelu(negativeSlope=0.2)</c>: the registry's,
/// with those defaults replaced, so φ and φ′ for the theory and the module for training all use the given values.
/// </summary>
public static class ActivationResolver
{
    /// <summary>
    /// Resolves <paramref name="spelled"/> through <paramref name="lookup"/>; throws <see cref="ArgumentException"/>
    /// naming a bad parameter.
    /// </summary>
    public static ActivationDefinition Resolve(string spelled, Func<string, ActivationDefinition> lookup)
    {
        var (name, error) = ActivationName.Parse(spelled);
        if (name is null) throw new ArgumentException(error, nameof(spelled));
        var definition = lookup(name.Name);
        if (name.Arguments.Count == 0) return definition;
        var hyper = definition.Parameters.Where(p => p.Role == ParameterRole.Hyper).Select(p => p.Name).ToArray();
        foreach (var (parameter, _) in name.Arguments)
            if (!hyper.Contains(parameter))
                throw new ArgumentException($"--activations: {definition.Name} has no hyper-parameter '{parameter}'. " +
                    $"Its hyper-parameters: {(hyper.Length == 0 ? "none" : string.Join(", ", hyper))}.", nameof(spelled));
        var values = name.Arguments.ToDictionary(a => a.Parameter, a => a.Value);
        var parameters = definition.Parameters.Select(p => values.TryGetValue(p.Name, out var v) ? p with { Default = v } : p).ToArray();
        return definition with { Name = name.ToString(), Parameters = parameters, CreateModule = Module(definition, values) };
    }

    /// <summary>The generated module's constructor takes each hyper-parameter by name, defaults for the rest.</summary>
    private static Func<TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>>? Module(
        ActivationDefinition definition, System.Collections.Generic.IReadOnlyDictionary<string, double> values)
    {
        if (definition.CreateModule is null) return null;
        var type = definition.CreateModule().GetType();
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters()
            .Select(p => values.TryGetValue(p.Name!, out var v) ? Convert.ChangeType(v, p.ParameterType) : p.DefaultValue)
            .ToArray();
        return () => (TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>)constructor.Invoke(arguments);
    }
}
