using System;
using System.Linq;
using System.Reflection;
using ActGen.Tests.Support;
using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>
/// The second order of activations the project never wrote: random generated ones against central differences of
/// their generated first-order scalar form, and a smooth learnable parameter (every pair of x and θ) against composed
/// ops, through the fused kernels and the program.
/// </summary>
public class SecondOrderGeneratedTests
{
    private static readonly double[] Points = [-1.9, -1.3, -0.55, 0.45, 0.8, 1.1, 1.7, -0.2];

    private static Tensor HessianVector(Func<Tensor, Tensor> f, Tensor x, Tensor v)
    {
        var g = autograd.grad([f(x).sum()], [x], retain_graph: true, create_graph: true)[0];
        return autograd.grad([(g * v).sum()], [x])[0];
    }

    [Fact]
    public void RandomActivationsSecondOrderIsTheDerivativeOfTheirFirstOrder()
    {
        ActGen.TorchSetup.EnsureLoaded();
        const int count = 24;
        var (_, source) = RandomActivations.Make("RandomSecond", count, "0N0XIzNsQ0O2");
        var run = GeneratorHarness.Generate(source);
        Assert.Empty(run.GeneratorDiagnostics);
        var type = GeneratorHarness.Load(run).GetType("RandomSecond.Acts")!;
        var (checkedPoints, fusedRuns) = (0, SecondOrderKernels.Runs);
        for (var k = 0; k < count; k++)
        {
            var definition = (ActivationDefinition)type.GetField($"F{k}Definition")!.GetValue(null)!;
            var method = type.GetMethod($"F{k}", [typeof(Tensor), typeof(double)])!;
            Tensor F(Tensor x) => (Tensor)method.Invoke(null, [x, 0.7])!;
            var x = tensor(Points, float64).requires_grad_(true);
            var v = linspace(-1, 1, Points.Length, dtype: float64);
            var fused = HessianVector(F, x, v);
            var byProgram = HessianVector(F, tensor(Points, float64).reshape(2, 4).t().detach().requires_grad_(true), v.reshape(2, 4).t());
            Assert.True(byProgram.t().reshape(-1).allclose(fused, rtol: 1e-9, atol: 1e-9), $"F{k}: kernels and program disagree");
            var values = fused.data<double>().ToArray();
            for (var i = 0; i < Points.Length; i++)
            {
                if (FiniteDifference.Trusted(t => definition.Derivative(t, new[] { 0.7 }), Points[i]) is not { } second)
                {
                    continue;
                }

                var expected = v[i].item<double>() * second;
                Assert.True(Math.Abs(values[i] - expected) <= 1e-5 * (1 + Math.Abs(expected)),
                    $"F{k} at {Points[i]}: {values[i]} against {expected}");
                checkedPoints++;
            }
        }

        Assert.True(checkedPoints >= count * Points.Length / 2, $"only {checkedPoints} points were smooth enough to check");
        Assert.True(SecondOrderKernels.Runs >= fusedRuns + count);
    }

    /// <summary>B_k calls B_{k-1} twice: inlined, B8 holds 256 copies of B0, too large for second-order kernels.</summary>
    private const string DoublingSource = """
        using System;
        using ActGen;
        namespace SecondDoubling;
        public static partial class Acts
        {
            [Activation] public static double B0(double x) => Math.Tanh(x) + 1.5;
            [Activation] public static double B1(double x) => B0(x) * B0(x / 2 + 0.25);
            [Activation] public static double B2(double x) => B1(x) * B1(x / 2 + 0.25);
            [Activation] public static double B3(double x) => B2(x) * B2(x / 2 + 0.25);
            [Activation] public static double B4(double x) => B3(x) * B3(x / 2 + 0.25);
            [Activation] public static double B5(double x) => B4(x) * B4(x / 2 + 0.25);
            [Activation] public static double B6(double x) => B5(x) * B5(x / 2 + 0.25);
            [Activation] public static double B7(double x) => B6(x) * B6(x / 2 + 0.25);
            [Activation] public static double B8(double x) => B7(x) * B7(x / 2 + 0.25);
        }
        """;

    [Theory]
    [InlineData(2, true)]
    [InlineData(8, false)]
    public void ACompositionTooLargeToInlineStillHasARightSecondOrderByTheProgram(int level, bool fused)
    {
        ActGen.TorchSetup.EnsureLoaded();
        var run = GeneratorHarness.Generate(DoublingSource);
        Assert.Empty(run.GeneratorDiagnostics);
        var method = GeneratorHarness.Load(run).GetType("SecondDoubling.Acts")!.GetMethod($"B{level}", [typeof(Tensor)])!;
        Tensor Composed(Tensor x, int k) => k == 0 ? tanh(x) + 1.5 : Composed(x, k - 1) * Composed(x / 2 + 0.25, k - 1);
        var x = tensor(Points, float64).requires_grad_(true);
        var v = linspace(-1, 1, Points.Length, dtype: float64);
        var runs = SecondOrderKernels.Runs;
        var got = HessianVector(t => (Tensor)method.Invoke(null, [t])!, x, v);
        Assert.Equal(fused, SecondOrderKernels.Runs > runs);
        var expected = HessianVector(t => Composed(t, level), x, v);
        Assert.True(got.allclose(expected, rtol: 1e-9, atol: 1e-9), $"B{level}: {got.Show()} against {expected.Show()}");
    }

    private const string LearnableSource = """
        using System;
        using ActGen;
        namespace SecondLearnable;
        public static partial class Acts
        {
            [Activation] public static double Soft(double x, [Learnable(0.5)] double a) => a * Math.Tanh(x) + Math.Log(1 + Math.Exp(a * x));
        }
        """;

    private static readonly Lazy<MethodInfo> Soft = new(() =>
    {
        var run = GeneratorHarness.Generate(LearnableSource);
        Assert.Empty(run.GeneratorDiagnostics);
        return GeneratorHarness.Load(run).GetType("SecondLearnable.Acts")!.GetMethod("Soft", [typeof(Tensor), typeof(Tensor)])!;
    });

    /// <summary>A gradient penalty on both first-order gradients, differentiated in x and a: every pair (x, a) and (a, a).</summary>
    private static (Tensor X, Tensor A) Penalty(Func<Tensor, Tensor, Tensor> f, Tensor x0, Tensor a0)
    {
        var x = x0.detach().requires_grad_(true);
        var a = a0.detach().requires_grad_(true);
        var g = autograd.grad([f(x, a).sum()], [x, a], retain_graph: true, create_graph: true);
        var penalty = (g[0] * g[0]).sum() + (g[1] * g[1]).sum() + (g[0] * x).sum() * g[1].sum();
        var h = autograd.grad([penalty], [x, a]);
        return (h[0].detach().contiguous(), h[1].detach().contiguous());
    }

    [Theory]
    [InlineData("contiguous, one value")]
    [InlineData("transposed, one value")]
    [InlineData("contiguous, per row")]
    public void ASmoothLearnableParametersSecondOrderMatchesComposedOps(string layout)
    {
        ActGen.TorchSetup.EnsureLoaded();
        Tensor Generated(Tensor x, Tensor a) => (Tensor)Soft.Value.Invoke(null, [x, a])!;
        Tensor Composed(Tensor x, Tensor a) => a * tanh(x) + log1p(exp(a * x));
        var x = layout.StartsWith("transposed", StringComparison.Ordinal)
            ? tensor(Points, float64).reshape(2, 4).t()
            : tensor(Points, float64).reshape(4, 2);
        var a = layout.EndsWith("per row", StringComparison.Ordinal)
            ? tensor(new[] { 0.3, -0.6, 0.9, 1.4 }, float64).reshape(4, 1)
            : tensor(new[] { 0.3 }, float64);
        var runs = SecondOrderKernels.Runs;
        var (gotX, gotA) = Penalty(Generated, x, a);
        var fused = SecondOrderKernels.Runs > runs;
        Assert.Equal(layout == "contiguous, one value", fused);
        var (expectedX, expectedA) = Penalty(Composed, x, a);
        Assert.True(gotX.allclose(expectedX, rtol: 1e-9, atol: 1e-9),
            $"{layout}: ∂/∂x {gotX.reshape(-1).Show()} against {expectedX.reshape(-1).Show()}");
        Assert.True(gotA.allclose(expectedA, rtol: 1e-9, atol: 1e-9),
            $"{layout}: ∂/∂a {gotA.reshape(-1).Show()} against {expectedA.reshape(-1).Show()}");
    }

    [Fact]
    public void GradCheckSecondOrderPassesForTheSmoothLearnableParameter()
    {
        ActGen.TorchSetup.EnsureLoaded();
        var x = tensor(Points, float64).requires_grad_(true);
        var a = tensor(new[] { 0.4 }, float64).requires_grad_(true);
        var result = GradCheck.AssertSecondOrder((t, ps) => (Tensor)Soft.Value.Invoke(null, [t, ps[0]])!, x, [a]);
        Assert.True(result.Passed);
    }
}
