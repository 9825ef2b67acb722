using System;

namespace ActGen.Experiments.Theory;

/// <summary>
/// Mean-field theory of signal propagation (Poole et al. 2016; Schoenholz et al. 2017):
/// q ← σ_w²·E[φ(√q z)²] + σ_b², iterated to q*, and χ₁ = σ_w²·E[φ′(√q* z)²].
/// </summary>
public static class MeanField
{
    /// <summary>One step of the variance map.</summary>
    public static double VarianceMap(Func<double, double> phi, double q, double sigmaW2, double sigmaB2, IGaussianExpectation rule)
    {
        var s = Math.Sqrt(q);
        return sigmaW2 * rule.Expect(z => Square(phi(s * z))) + sigmaB2;
    }

    /// <summary>χ₁ at variance q: the mean squared slope, scaled by σ_w².</summary>
    public static double Chi1(Func<double, double> derivative, double q, double sigmaW2, IGaussianExpectation rule)
    {
        var s = Math.Sqrt(q);
        return sigmaW2 * rule.Expect(z => Square(derivative(s * z)));
    }

    /// <summary>Iterates the variance map from <paramref name="q0"/> to its fixed point and evaluates χ₁ there.</summary>
    public static MeanFieldPrediction Predict(
        Func<double, double> phi, Func<double, double> derivative, double sigmaW2, double sigmaB2,
        IGaussianExpectation? rule = null, double q0 = 1.0, int maxIterations = 2000, double tolerance = 1e-12)
    {
        rule ??= AdaptiveGaussian.Default;
        var q = q0;
        var converged = false;
        var iterations = 0;
        while (iterations < maxIterations)
        {
            var next = VarianceMap(phi, q, sigmaW2, sigmaB2, rule);
            iterations++;
            if (!double.IsFinite(next) || next > 1e12) break;                  // runs off to infinity
            var settled = Math.Abs(next - q) <= tolerance * Math.Max(1.0, q);
            q = next;
            if (settled) { converged = true; break; }
            if (q < 1e-300) { q = 0; converged = true; break; }                // collapses to the zero fixed point
        }
        var chi1 = Chi1(derivative, q, sigmaW2, rule);
        return new MeanFieldPrediction(sigmaW2, sigmaB2, q, chi1, -Math.Log10(chi1) / 2, converged, iterations);
    }

    private static double Square(double v) => v * v;
}
