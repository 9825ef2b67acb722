using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>
/// Under create_graph the backward is a function of its own (<see cref="ActivationGradientFunction"/>) whose backward
/// runs the generated second-order kernels on contiguous CPU tensors and the TorchScript program elsewhere; asked for a
/// graph again it composes differentiable ops, so the third order is right; without a graph nothing of it runs.
/// </summary>
public class SecondOrderFusedTests
{
    private static readonly double[] Points = [-2.7, -1.3, -0.55, 0.45, 1.1, 2.3, 3.7, -0.2];

    private static Tensor Sigmoid(Tensor x) => 1 / (1 + exp(-x));

    private static readonly Dictionary<string, (Func<Tensor, Tensor> ActGen, Func<Tensor, Tensor> Composed)> Smooth = new()
    {
        ["Sigmoid"] = (x => Activations.Sigmoid(x), Sigmoid),
        ["Tanh"] = (x => Activations.Tanh(x), x => (exp(2 * x) - 1) / (exp(2 * x) + 1)),
        ["Gelu"] = (x => Activations.Gelu(x), x => 0.5 * x * (1 + erf(x / Math.Sqrt(2)))),
        ["Mish"] = (x => Activations.Mish(x), x => x * tanh(log1p(exp(x)))),
        ["Elu"] = (x => Activations.Elu(x), x => where(x > 0, x, exp(x) - 1)),
        ["Silu"] = (x => Activations.Silu(x), x => x * Sigmoid(x)),
        ["Softplus"] = (x => Activations.Softplus(x), x => where(x > 20, x, log1p(exp(x)))),
    };

    public static TheoryData<string> SmoothNames() => new(Smooth.Keys);

    private static Tensor HessianVector(Func<Tensor, Tensor> f, Tensor x, Tensor v)
    {
        var g = autograd.grad([f(x).sum()], [x], retain_graph: true, create_graph: true)[0];
        return autograd.grad([(g * v).sum()], [x])[0];
    }

    [Theory]
    [InlineData("Sigmoid", "float64")]
    [InlineData("Elu", "float64")]
    [InlineData("Gelu", "float32")]
    [InlineData("Mish", "float32")]
    public void ContiguousCpuTensorsRunTheFusedSecondOrderKernelsAndOtherLayoutsTheProgram(string name, string dtype)
    {
        ActGen.TorchSetup.EnsureLoaded();
        var type = dtype == "float64" ? ScalarType.Float64 : ScalarType.Float32;
        var (f, composed) = Smooth[name];
        var x = tensor(Points, type).requires_grad_(true);
        var v = linspace(-1, 1, Points.Length, dtype: type);
        var before = SecondOrderKernels.Runs;
        var fused = HessianVector(f, x, v);
        Assert.True(SecondOrderKernels.Runs > before, $"{name}: the fused second-order kernel did not run");
        var expected = HessianVector(composed, x, v);
        var tolerance = type == ScalarType.Float64 ? 1e-9 : 1e-4;
        Assert.True(fused.allclose(expected, rtol: tolerance, atol: tolerance),
            $"{name}: {fused.to(float64).Show()} against {expected.to(float64).Show()}");

        // Transposed, or with the program forced, the same values come from the program, not the kernels.
        var transposed = tensor(Points, type).reshape(2, 4).t().detach().requires_grad_(true);
        var runs = SecondOrderKernels.Runs;
        var byProgram = HessianVector(f, transposed, v.reshape(2, 4).t());
        using (KernelPathSetting.Use(KernelPath.Script))
        {
            Assert.True(HessianVector(f, x, v).allclose(fused, rtol: tolerance, atol: tolerance));
        }

        Assert.Equal(runs, SecondOrderKernels.Runs);
        Assert.True(byProgram.t().reshape(-1).allclose(fused, rtol: tolerance, atol: tolerance));
    }

    [Theory]
    [MemberData(nameof(SmoothNames))]
    public void TheThirdOrderMatchesComposedOps(string name)
    {
        ActGen.TorchSetup.EnsureLoaded();
        Tensor Third(Func<Tensor, Tensor> f)
        {
            var x = tensor(Points, float64).requires_grad_(true);
            var v = linspace(-1, 1, Points.Length, dtype: float64);
            var g = autograd.grad([f(x).sum()], [x], retain_graph: true, create_graph: true)[0];
            var hv = autograd.grad([(g * v).sum()], [x], retain_graph: true, create_graph: true)[0];
            return autograd.grad([(hv * hv).sum()], [x])[0];
        }

        var (actGen, composed) = Smooth[name];
        var (got, expected) = (Third(actGen), Third(composed));
        Assert.True(got.allclose(expected, rtol: 1e-9, atol: 1e-9), $"{name}: {got.Show()} against {expected.Show()}");
    }

    [Fact]
    public void WithoutAGraphTheBackwardIsNoFunctionOfItsOwnAndSavesNothingMore()
    {
        ActGen.TorchSetup.EnsureLoaded();
        var (applications, runs) = (ActivationGradientFunction.Applications, SecondOrderKernels.Runs);
        var x = tensor(Points, float64).requires_grad_(true);
        var w = tensor(new[] { 0.3 }, float64).requires_grad_(true);
        var g = autograd.grad([Activations.PRelu(x, w).sum(), Activations.Gelu(x).sum()], [x, w]);
        Assert.False(g[0].requires_grad);
        Assert.False(g[1].requires_grad);
        Assert.Equal(applications, ActivationGradientFunction.Applications);
        Assert.Equal(runs, SecondOrderKernels.Runs);
        var withGraph = autograd.grad([Activations.Gelu(x).sum()], [x], create_graph: true)[0];
        Assert.True(withGraph.requires_grad);
        Assert.Equal(applications + 1, ActivationGradientFunction.Applications);
    }
}
