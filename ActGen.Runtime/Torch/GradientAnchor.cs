using static TorchSharp.torch;

namespace ActGen.Torch;

internal static class GradientAnchor
{
    /// <summary>
    /// Asked for a graph, a gradient whose value happens not to depend on x (ReLU's: f″ = 0) still depends on x, as
    /// libtorch's own ops' gradients do: that dependence has derivative 0 and leaves the value unchanged. Without it a
    /// gradient penalty raises "element 0 of tensors does not require grad" (which TorchSharp 0.107 turns into a process
    /// abort).
    /// </summary>
    public static Tensor Anchored(Tensor gradient, Tensor x, bool differentiable) =>
        differentiable && x.requires_grad
            ? gradient.Plus(where(x.isfinite(), x.mul(Scalars.Zero), zeros_like(x)))
            : gradient;
}
