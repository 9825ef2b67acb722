using System;
using System.Collections.Generic;
using ActGen.Experiments.Results;

namespace ActGen.Experiments.Theory;

/// <summary>
/// Mean-field theory through the actual network rather than at its fixed point: the pre-activation variance
/// q_l is propagated from the data (q₁ = σ_w,1²·E[x₀²] + σ_b²) through every hidden layer, the backward
/// signal E[δ_l²] from the output layer down, and E[(∂C/∂W_l)²] ∝ E[δ_l²]·E[x_{l−1}²] per dense layer.
/// Fitting the same decay line as the measurement gives the depth-aware prediction. It agrees with
/// −log10(χ₁)/2 when the input already sits at q*; it differs where q runs to 0 or ∞ (ReLU-like activations
/// away from their critical σ_w², where the shrinking forward signal offsets the shrinking backward one).
/// </summary>
public static class FiniteDepth
{
    /// <summary>log10 of the predicted RMS of ∂C/∂W per dense layer, from the input layer to the output layer, up to a constant.</summary>
    public static IReadOnlyList<double> Log10Gradients(
        Func<double, double> phi, Func<double, double> derivative, Init init,
        int inputs, int width, int outputs, int depth, double inputSecondMoment, IGaussianExpectation? rule = null)
    {
        rule ??= AdaptiveGaussian.Default;
        // Forward: q[l] for hidden layer l = 1..depth; m[l] = E[x_l²] with m[0] the data's.
        var q = new double[depth + 1];
        var m = new double[depth + 1];
        m[0] = inputSecondMoment;
        for (var l = 1; l <= depth; l++)
        {
            var fanIn = l == 1 ? inputs : width;
            q[l] = fanIn * init.WeightVariance(fanIn, width) * m[l - 1] + init.BiasVariance(fanIn);
            var s = Math.Sqrt(q[l]);
            m[l] = rule.Expect(z => Square(phi(s * z)));
        }
        // Backward: d[l] = E[δ_l²] with the output layer's δ fixed at 1 (d[depth + 1]).
        var d = new double[depth + 2];
        d[depth + 1] = 1;
        for (var l = depth; l >= 1; l--)
        {
            var fanOut = l == depth ? outputs : width;
            var s = Math.Sqrt(q[l]);
            d[l] = rule.Expect(z => Square(derivative(s * z))) * fanOut * init.WeightVariance(width, fanOut) * d[l + 1];
        }
        var logs = new double[depth + 1];
        for (var layer = 0; layer <= depth; layer++) logs[layer] = 0.5 * Math.Log10(d[layer + 1] * m[layer]);
        return logs;
    }

    /// <summary>The depth-aware predicted decay per layer: the measurement's fit (hidden layers unless <paramref name="allLayers"/>) applied to <see cref="Log10Gradients"/>.</summary>
    public static double DecayPerLayer(
        Func<double, double> phi, Func<double, double> derivative, Init init,
        int inputs, int width, int outputs, int depth, double inputSecondMoment, IGaussianExpectation? rule = null,
        bool allLayers = false)
    {
        var logs = Log10Gradients(phi, derivative, init, inputs, width, outputs, depth, inputSecondMoment, rule);
        var grads = new double[logs.Count];
        for (var i = 0; i < grads.Length; i++) grads[i] = Math.Pow(10, logs[i]);
        return allLayers ? DecayFit.DecayPerLayer(grads) : DecayFit.HiddenDecayPerLayer(grads);
    }

    private static double Square(double v) => v * v;
}
