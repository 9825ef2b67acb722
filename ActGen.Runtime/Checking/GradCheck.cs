using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Torch;
using static TorchSharp.torch;

namespace ActGen;

/// <summary>
/// A gradient check like PyTorch's <c>gradcheck</c>, for activations written with ActGen or by hand: the function runs
/// in float64; autograd's vector–Jacobian product vᵀJ for a random v is compared entry by entry with the same product
/// from central finite differences — for the input and for every parameter tensor (learnable slopes and the like).
/// Points where the function has a kink make finite differences meaningless: keep the inputs away from them.
/// </summary>
public static partial class GradCheck
{
    /// <summary>Checks ∂f/∂x at <paramref name="input"/>.</summary>
    public static GradCheckResult Check(Func<Tensor, Tensor> f, Tensor input, GradCheckOptions? options = null) =>
        Check((x, _) => f(x), input, [], options);

    /// <summary>
    /// Checks ∂f/∂x and ∂f/∂θ for each tensor in <paramref name="parameters"/>; <paramref name="f"/> receives float64
    /// copies of the input and the parameters (the parameters in the order given) and must use them.
    /// </summary>
    public static GradCheckResult Check(
        Func<Tensor, IReadOnlyList<Tensor>, Tensor> f, Tensor input, IReadOnlyList<Tensor> parameters, GradCheckOptions? options = null)
    {
        var o = options ?? GradCheckOptions.Default;
        using var scope = NewDisposeScope();
        var x = Leaf(input);
        var thetas = parameters.Select(Leaf).ToList();
        var y = f(x, thetas).to(ScalarType.Float64);
        // Held: a Generator is no tensor (no dispose scope keeps it), and randn would not keep it alive itself.
        using var generator = new TorchSharp.torch.Generator(o.Seed);
        var v = randn(y.shape, dtype: ScalarType.Float64, generator: generator);
        var differentiable = new List<Tensor> { x };
        differentiable.AddRange(thetas);
        var grads = autograd.grad([y], differentiable, [v], allow_unused: true);

        Tensor Evaluate(Tensor xv, IReadOnlyList<Tensor> tv)
        {
            using var noGrad = no_grad();
            return f(xv, tv).to(ScalarType.Float64);
        }

        var entries = new List<GradCheckEntry>
        {
            Compare("input", Analytical(grads[0], x), o.ElementWise
                ? ElementWiseInput(x, thetas, v, o.Eps, Evaluate)
                : PerElement(x, t => Evaluate(t, Detached(thetas)), v, o.Eps), o),
        };
        for (var i = 0; i < thetas.Count; i++)
        {
            var index = i;
            Tensor WithParameter(Tensor t) => Evaluate(x.detach(), [.. Detached(thetas).Select((p, j) => j == index ? t : p)]);
            entries.Add(Compare($"parameter {i}", Analytical(grads[i + 1], thetas[i]), PerElement(thetas[i], WithParameter, v, o.Eps), o));
        }

        return new GradCheckResult(entries, o);
    }

    /// <summary>As <see cref="Check(Func{Tensor, Tensor}, Tensor, GradCheckOptions?)"/>, throwing <see cref="GradCheckException"/> on failure.</summary>
    public static GradCheckResult Assert(Func<Tensor, Tensor> f, Tensor input, GradCheckOptions? options = null) =>
        Assert((x, _) => f(x), input, [], options);

    /// <summary>As <see cref="Check(Func{Tensor, IReadOnlyList{Tensor}, Tensor}, Tensor, IReadOnlyList{Tensor}, GradCheckOptions?)"/>, throwing on failure.</summary>
    public static GradCheckResult Assert(
        Func<Tensor, IReadOnlyList<Tensor>, Tensor> f, Tensor input, IReadOnlyList<Tensor> parameters, GradCheckOptions? options = null)
    {
        var result = Check(f, input, parameters, options);
        return result.Passed ? result : throw new GradCheckException(result);
    }

    private static Tensor Leaf(Tensor t) => t.detach().to(ScalarType.Float64).clone().requires_grad_(true);

    private static List<Tensor> Detached(IEnumerable<Tensor> ts) => ts.Select(t => t.detach()).ToList();

    /// <summary>A missing gradient (the argument was not used) is zero.</summary>
    private static double[] Analytical(Tensor? grad, Tensor like) =>
        (grad is null || grad.IsInvalid ? zeros_like(like) : grad).to(ScalarType.Float64).contiguous().data<double>().ToArray();

    /// <summary>vᵀJ for a diagonal J: v ⊙ (f(x + ε) − f(x − ε)) / 2ε, all elements at once.</summary>
    private static double[] ElementWiseInput(Tensor x, IReadOnlyList<Tensor> thetas, Tensor v, double eps, Func<Tensor, IReadOnlyList<Tensor>, Tensor> evaluate)
    {
        var xd = x.detach();
        var ps = Detached(thetas);
        using var step = Scalars.Hold(eps);
        using var twice = Scalars.Hold(2 * eps);
        var slope = (evaluate(xd.Plus(step), ps) - evaluate(xd.sub(step), ps)).div(twice);
        return (v * slope).contiguous().data<double>().ToArray();
    }

    /// <summary>vᵀJ one column at a time: (vᵀf(θ + εeⱼ) − vᵀf(θ − εeⱼ)) / 2ε.</summary>
    private static double[] PerElement(Tensor theta, Func<Tensor, Tensor> evaluate, Tensor v, double eps)
    {
        var flat = theta.detach().contiguous().reshape(-1);
        var result = new double[flat.numel()];
        using var step = Scalars.Hold(eps);
        for (var j = 0; j < result.Length; j++)
        {
            var plus = flat.clone();
            plus[j] = plus[j].Plus(step);
            var minus = flat.clone();
            minus[j] = minus[j].sub(step);
            var difference = (v * evaluate(plus.reshape(theta.shape))).sum() - (v * evaluate(minus.reshape(theta.shape))).sum();
            result[j] = difference.item<double>() / (2 * eps);
        }

        return result;
    }

    private static GradCheckEntry Compare(string argument, double[] analytical, double[] numerical, GradCheckOptions o)
    {
        var (passed, maxAbs, maxRel, worst, worstExcess) = (true, 0.0, 0.0, 0L, double.NegativeInfinity);
        for (var i = 0; i < analytical.Length; i++)
        {
            var (a, n) = (analytical[i], numerical[i]);
            var error = Math.Abs(a - n);
            var allowed = o.AbsoluteTolerance + o.RelativeTolerance * Math.Abs(n);
            var excess = double.IsFinite(error) ? error - allowed : double.PositiveInfinity;
            passed &= excess <= 0;
            maxAbs = Math.Max(maxAbs, double.IsNaN(error) ? double.PositiveInfinity : error);
            maxRel = Math.Max(maxRel, n == 0 ? 0 : error / Math.Abs(n)); // where n = 0 only the absolute error speaks
            if (excess > worstExcess)
            {
                (worst, worstExcess) = (i, excess);
            }
        }

        return analytical.Length == 0
            ? new GradCheckEntry(argument, true, 0, 0, -1, 0, 0)
            : new GradCheckEntry(argument, passed, maxAbs, maxRel, worst, analytical[worst], numerical[worst]);
    }
}
