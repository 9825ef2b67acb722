using System;
using System.Collections.Generic;
using System.Linq;

namespace ActGen;

/// <summary>Everything generated for one activation, reachable by name at run time.</summary>
/// <param name="Name">The method's name, e.g. <c>LeakyRelu</c>.</param>
/// <param name="Owner">The full name of the class that declares it.</param>
/// <param name="Function">f(x, parameters).</param>
/// <param name="Derivative">∂f/∂x(x, parameters).</param>
public sealed record ActivationDefinition(
    string Name,
    string Owner,
    IReadOnlyList<ActivationParameter> Parameters,
    Func<double, ReadOnlyMemory<double>, double> Function,
    Func<double, ReadOnlyMemory<double>, double> Derivative,
    ActivationKernels<double> Double,
    ActivationKernels<float> Single)
{
    /// <summary>Builds the activation's TorchSharp module with default hyper-parameters (null where TorchSharp code was not generated).</summary>
    public Func<TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>>? CreateModule { get; init; }

    /// <summary>
    /// The backward kernels (and the TorchScript backward) read the forward's output y instead of the input x:
    /// f′ is written in y, as σ′ = y(1 − y). The autograd function then saves y.
    /// </summary>
    public bool BackwardFromOutput { get; init; }

    /// <summary>The CUDA C++ source of its kernels, generated beside the C# (null from an ActGen that did not generate it).</summary>
    public string? CudaSource { get; init; }

    /// <summary>Its TorchScript program (null where TorchSharp code was not generated, or from an older ActGen).</summary>
    public string? TorchScript { get; init; }

    /// <summary>Every parameter's default (randomized ones at their evaluation value).</summary>
    public double[] Defaults => Parameters.Select(p => p.Default).ToArray();

    /// <summary>f with every parameter at its default.</summary>
    public double Apply(double x) => Function(x, Defaults);

    /// <summary>f′ with every parameter at its default.</summary>
    public double ApplyDerivative(double x) => Derivative(x, Defaults);
}
