using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>
/// Receives ∂C/∂z at the pre-activation z = x·Wᵀ + b inside one <see cref="ActivationLinear"/> call when backward
/// passes through it: what <c>retain_grad()</c> on z would keep had z been a node of its own (z lives only inside the
/// fused node). Hand a fresh one to each call to be measured; a call given none keeps nothing.
/// </summary>
public sealed class PreActivationGradient
{
    /// <summary>∂C/∂z, [batch, outputs]; null until backward has reached the call.</summary>
    public Tensor? Grad { get; internal set; }
}
