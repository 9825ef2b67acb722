using System;

namespace ActGen.Experiments.Activations;

/// <summary>
/// Activations beyond the catalog, declared here to show that a sweep takes any [Activation] of its own assembly
/// (`actgen sweep --activations squareplus,relu`): the generator gives them modules and φ′ like the catalog's.
/// </summary>
public static partial class ExtraActivations
{
    /// <summary>A smooth ReLU: ½(x + √(x² + b)).</summary>
    [Activation]
    public static double Squareplus(double x, double b = 4.0) => 0.5 * (x + Math.Sqrt(x * x + b));

    /// <summary>A bounded, zero-centred sigmoid: 2σ(x) − 1 = tanh(x/2).</summary>
    [Activation]
    public static double BipolarSigmoid(double x) => 2 * ActGen.Activations.Sigmoid(x) - 1;
}
