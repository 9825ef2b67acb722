using System;
using ActGen.Torch;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>
/// The activation of an MLP's hidden layers: a module for each layer and, for an ActGen activation that
/// <see cref="ActivationLinear"/> takes, its definition (<see cref="Fused"/>, the run's hyper-parameters as defaults):
/// then each hidden layer on the CPU is one fused node φ(x·Wᵀ + b) over the layer's own weight and bias.
/// </summary>
public sealed record HiddenActivation(Func<nn.Module<Tensor, Tensor>> CreateModule, ActivationDefinition? Fused)
{
    /// <summary>nn.Linear then the module in every hidden layer (builtin modules, or any other).</summary>
    public static HiddenActivation Module(Func<nn.Module<Tensor, Tensor>> create) => new(create, null);

    /// <summary>
    /// An ActGen activation: fused where <see cref="ActivationLinear.Supports"/> it (hyper-parameters only), else its
    /// module (PReLU's learnable slope, RReLU's random ones).
    /// </summary>
    public static HiddenActivation Of(ActivationDefinition activation) =>
        new(ModuleOf(activation), ActivationLinear.Supports(activation) ? activation : null);

    /// <summary>The same activation never fused: the reference the fused layers are tested and benchmarked against.</summary>
    internal static HiddenActivation Unfused(ActivationDefinition activation) => new(ModuleOf(activation), null);

    private static Func<nn.Module<Tensor, Tensor>> ModuleOf(ActivationDefinition activation) =>
        activation.CreateModule ?? throw new ArgumentException(
            $"Activation '{activation.Name}' has no TorchSharp module (its TorchSharp code was not generated).", nameof(activation));
}
