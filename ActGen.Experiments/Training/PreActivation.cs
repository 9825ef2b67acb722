using ActGen.Torch;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>
/// Where a measured forward pass finds ∂C/∂z of a layer's pre-activation z = Wx + b after backward: the retained
/// gradient of z where z is a node of its own, or what the fused node handed its <see cref="PreActivationGradient"/>.
/// </summary>
public sealed record PreActivation(Tensor? Z, PreActivationGradient? FromFusedNode)
{
    /// <summary>∂C/∂z, or null before backward (or for a z that was not measured).</summary>
    public Tensor? Grad => FromFusedNode is { } fused ? fused.Grad : Z?.grad;
}
