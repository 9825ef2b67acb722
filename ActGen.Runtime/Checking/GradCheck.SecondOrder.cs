using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace ActGen;

/// <summary>The second-order mode, like PyTorch's <c>gradgradcheck</c>.</summary>
public static partial class GradCheck
{
    /// <summary>
    /// Checks the derivatives of the first-order gradient uᵀ∂f/∂x (u random, seeded by <see cref="GradCheckOptions.Seed"/> + 1,
    /// shaped like the input: for element-wise functions) with respect to x and each parameter, against central
    /// differences of that gradient. The gradient must carry a graph (autograd's <c>create_graph</c>); one without
    /// throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public static GradCheckResult CheckSecondOrder(
        Func<Tensor, IReadOnlyList<Tensor>, Tensor> f, Tensor input, IReadOnlyList<Tensor> parameters, GradCheckOptions? options = null)
    {
        var o = options ?? GradCheckOptions.Default;
        using var generator = new TorchSharp.torch.Generator(o.Seed + 1);
        using var u = randn(input.shape, dtype: ScalarType.Float64, generator: generator);

        Tensor FirstOrder(Tensor x, IReadOnlyList<Tensor> ps)
        {
            using var enabled = enable_grad();
            var differentiable = x.requires_grad ? x : x.detach().requires_grad_(true);
            var y = f(differentiable, ps).to(ScalarType.Float64);
            var gradient = autograd.grad([y], [differentiable], [u], retain_graph: true, create_graph: true)[0];
            if (x.requires_grad && !gradient.requires_grad)
            {
                throw new InvalidOperationException("The first-order gradient has no graph: the function's backward is not differentiable.");
            }

            return gradient;
        }

        return Check(FirstOrder, input, parameters, o);
    }

    /// <summary>As <see cref="CheckSecondOrder"/>, throwing <see cref="GradCheckException"/> on failure.</summary>
    public static GradCheckResult AssertSecondOrder(
        Func<Tensor, IReadOnlyList<Tensor>, Tensor> f, Tensor input, IReadOnlyList<Tensor> parameters, GradCheckOptions? options = null)
    {
        var result = CheckSecondOrder(f, input, parameters, options);
        return result.Passed ? result : throw new GradCheckException(result);
    }
}
