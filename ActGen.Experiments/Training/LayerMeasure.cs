using ActGen.Torch;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>The statistics of one dense layer after a backward pass (see <c>LayerRow</c> for their meaning).</summary>
public sealed record LayerMeasure(
    double GradMeanAbs, double GradMean, double GradStd, double GradL2, double BiasGradMeanAbs,
    double WeightMean, double WeightStd, double ActivationMean, double ActivationStd, double DeadFraction)
{
    /// <summary>
    /// Reads the layer's gradients and weights, and the statistics of its output <paramref name="post"/>.
    /// A unit is dead when ∂C/∂z of its pre-activation (<paramref name="preGrad"/>) is zero for every row of
    /// the batch (φ′ = 0 there); <paramref name="preGrad"/> is null for the output layer, whose dead share is NaN.
    /// </summary>
    public static LayerMeasure Of(TorchSharp.Modules.Linear layer, Tensor post, Tensor? preGrad)
    {
        using var _ = no_grad();
        var g = layer.weight!.grad!;
        var gb = layer.bias!.grad!;
        return new LayerMeasure(
            g.abs().mean().item<float>(), g.mean().item<float>(), g.std().item<float>(), g.norm().item<float>(), gb.abs().mean().item<float>(),
            layer.weight.mean().item<float>(), layer.weight.std().item<float>(),
            post.mean().item<float>(), post.std().item<float>(),
            preGrad is null ? double.NaN : preGrad.abs().sum(0).eq(Scalars.Zero).to_type(ScalarType.Float32).mean().item<float>());
    }
}
