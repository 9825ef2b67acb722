using System;
using System.Linq;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>
/// Second-order autograd through every catalog activation equals the same formula in composed TorchSharp ops on every
/// layout: a gradient penalty's gradient and a Hessian-vector product (float64). The backward is differentiable when
/// autograd asks for a graph, whichever path (managed kernel or TorchScript program) the first order takes. (Composed,
/// not libtorch's own ops: its hardsigmoid has no double backward, and asking for one aborts the process.)
/// </summary>
public class SecondOrderTests
{
    private static Tensor Where(Tensor x, Func<Tensor, Tensor> positive, Func<Tensor, Tensor> negative) => where(x > 0, positive(x), negative(x));

    private static Tensor Elu(Tensor x, double alpha) => Where(x, t => t, t => alpha * (exp(t) - 1));

    private static Tensor Softplus(Tensor x, double beta, double threshold) => where(beta * x > threshold, x, log1p(exp(beta * x)) / beta);

    private static Tensor Sigmoid(Tensor x) => 1 / (1 + exp(-x));

    private static readonly System.Collections.Generic.Dictionary<string, Func<Tensor, Tensor>> Composed = new()
    {
        ["Sigmoid"] = Sigmoid,
        ["Tanh"] = x => (exp(2 * x) - 1) / (exp(2 * x) + 1),
        ["Relu"] = x => Where(x, t => t, t => 0 * t),
        ["LeakyRelu"] = x => Where(x, t => t, t => 0.01 * t),
        ["LeakyRelu(0.2)"] = x => Where(x, t => t, t => 0.2 * t),
        ["PRelu"] = x => Where(x, t => t, t => 0.25 * t),
        ["PRelu(-0.7)"] = x => Where(x, t => t, t => -0.7 * t),
        ["RRelu(eval)"] = x => Where(x, t => t, t => (1.0 / 8 + 1.0 / 3) / 2 * t),
        ["RRelu(eval, 0.1, 0.5)"] = x => Where(x, t => t, t => 0.3 * t),
        ["Elu"] = x => Elu(x, 1.0),
        ["Elu(0.5)"] = x => Elu(x, 0.5),
        ["Selu"] = x => 1.0507009873554804934193349852946 * Elu(x, 1.6732632423543772848170429916717),
        ["Celu"] = x => Where(x, t => t, t => exp(t) - 1),
        ["Celu(2)"] = x => Where(x, t => t, t => 2.0 * (exp(t / 2.0) - 1)),
        ["Gelu"] = x => 0.5 * x * (1 + erf(x / Math.Sqrt(2))),
        ["GeluTanh"] = x => 0.5 * x * (1 + tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))),
        ["Silu"] = x => x * Sigmoid(x),
        ["Swish"] = x => x * Sigmoid(x),
        ["Swish(1.7)"] = x => x * Sigmoid(1.7 * x),
        ["Mish"] = x => x * tanh(log1p(exp(x))),
        ["Softplus"] = x => Softplus(x, 1, 20),
        ["Softplus(2, 10)"] = x => Softplus(x, 2, 10),
        ["Softplus(0.5, 3)"] = x => Softplus(x, 0.5, 3),
        ["Relu6"] = x => clamp(x, 0, 6),
        ["HardSigmoid"] = x => clamp(x / 6 + 0.5, 0, 1),
        ["HardSwish"] = x => x * clamp(x / 6 + 0.5, 0, 1),
        ["HardTanh"] = x => clamp(x, -1, 1),
        ["HardTanh(-2, 3)"] = x => clamp(x, -2, 3),
        ["Softsign"] = x => x / (1 + abs(x)),
        ["LogSigmoid"] = x => -log1p(exp(-x)),
    };

    public static TheoryData<string> Cases => ParityCases.Names();

    private static readonly double[] Points = [-2.7, -1.3, -0.55, 0.45, 1.1, 2.3, 3.7, -0.2];

    /// <summary>The same 8 values as a contiguous tensor, a transposed one, and one starting at an offset.</summary>
    private static Tensor Layout(string layout) => layout switch
    {
        "contiguous" => tensor(Points, float64),
        "transposed" => tensor(Points, float64).reshape(2, 4).t(),
        _ => tensor(Points.Prepend(0.0).ToArray(), float64)[TensorIndex.Slice(1)],
    };

    private static (Tensor Penalty, Tensor HessianVector) SecondOrder(Func<Tensor, Tensor> f, string layout)
    {
        var x = Layout(layout).detach().requires_grad_(true);
        var v = linspace(-1, 1, x.numel(), dtype: float64).reshape(x.shape);
        var g = autograd.grad([f(x).sum()], [x], retain_graph: true, create_graph: true)[0];
        // libtorch's own ops keep a (zero) graph where f″ = 0; the composed reference does so too.
        g = g.requires_grad ? g : g + where(x.isfinite(), x * 0, zeros_like(x));
        var penalty = autograd.grad([(g * g).sum()], [x], retain_graph: true)[0];
        var hv = autograd.grad([(g * v).sum()], [x])[0];
        return (penalty.detach().contiguous(), hv.detach().contiguous());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradientPenaltyAndHessianVectorProductMatchTorchOnEveryLayout(string name)
    {
        ActGen.TorchSetup.EnsureLoaded();
        var c = ParityCases.Get(name);
        foreach (var layout in new[] { "contiguous", "transposed", "offset" })
        {
            using var scope = NewDisposeScope();
            var (penalty, hv) = SecondOrder(c.ActGen, layout);
            var (expectedPenalty, expectedHv) = SecondOrder(Composed[name], layout);
            Assert.True(penalty.allclose(expectedPenalty, rtol: 1e-9, atol: 1e-9),
                $"{name}, {layout}: penalty {penalty.Show()} against {expectedPenalty.Show()}");
            Assert.True(hv.allclose(expectedHv, rtol: 1e-9, atol: 1e-9),
                $"{name}, {layout}: Hessian-vector product {hv.Show()} against {expectedHv.Show()}");
        }
    }

    [Fact]
    public void ALearnableParametersMixedSecondDerivativeMatchesTorch()
    {
        ActGen.TorchSetup.EnsureLoaded();
        (Tensor, Tensor) Penalty(Func<Tensor, Tensor, Tensor> f)
        {
            var x = tensor(Points, float64).requires_grad_(true);
            var w = tensor(new[] { 0.3 }, float64).requires_grad_(true);
            var g = autograd.grad([f(x, w).sum()], [x], retain_graph: true, create_graph: true)[0];
            // The composed reference's penalty may not depend on x at all (f″ = 0): that gradient is zero.
            var grads = autograd.grad([(g * g).sum()], [x, w], allow_unused: true);
            return (grads[0].IsInvalid ? zeros_like(x) : grads[0].detach(), grads[1].detach());
        }

        var (x1, w1) = Penalty((x, w) => Activations.PRelu(x, w));
        var (x2, w2) = Penalty((x, w) => where(x > 0, x, w * x));
        Assert.True(x1.allclose(x2, rtol: 1e-12, atol: 1e-12));
        Assert.True(w1.allclose(w2, rtol: 1e-12, atol: 1e-12), $"∂penalty/∂w {w1.Show()} against {w2.Show()}");
    }

    [Fact]
    public void WithoutAGraphTheGradientHasNoneAndTheSameValues()
    {
        ActGen.TorchSetup.EnsureLoaded();
        var x = tensor(Points, float64).requires_grad_(true);
        var g = autograd.grad([Activations.Elu(x).sum()], [x])[0];
        Assert.False(g.requires_grad);
        var expected = Points.Select(p => p > 0 ? 1 : Math.Exp(p)).ToArray();
        Assert.Equal(expected, g.data<double>().ToArray(), new ToleranceComparer(1e-15));
    }

    private sealed class ToleranceComparer(double tolerance) : System.Collections.Generic.IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance * (1 + Math.Abs(b));

        public int GetHashCode(double value) => 0;
    }
}

internal static class TensorText
{
    public static string Show(this Tensor t) => "[" + string.Join(", ", t.data<double>().ToArray().Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
