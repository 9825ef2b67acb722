using System;
using System.Linq;
using ActGen.Tests.Support;
using Xunit;

namespace ActGen.Tests.Kernels;

/// <summary>
/// The generated second-order kernels of the whole catalog against central differences of its generated first-order
/// scalar form: gg·gy·f″(x) (from the output, gg·gy·h′(y), times f′(x) is the same), and PReLU's mixed and
/// parameter-only terms. Off the kinks.
/// </summary>
public class SecondOrderKernelTests
{
    private static readonly double[] Points = [-2.7, -1.3, -0.55, 0.45, 1.1, 2.3, 3.7, -0.2];
    private const double H = 1e-5;

    public static TheoryData<string> Names() => new(CatalogNames.All);

    private static double[] Run(SpanSecondBackward<double> kernel, double[] source, double[] gy, double[] gg, double[] p)
    {
        var result = new double[source.Length];
        kernel(source, gy, gg, result, p);
        return result;
    }

    private static float[] Run(SpanSecondBackward<float> kernel, double[] source, double[] gy, double[] gg, double[] p)
    {
        var result = new float[source.Length];
        kernel(source.Select(v => (float)v).ToArray(), gy.Select(v => (float)v).ToArray(), gg.Select(v => (float)v).ToArray(), result, p);
        return result;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TheInputsSecondOrderKernelIsTheDerivativeOfTheFirstOrder(string name)
    {
        ActivationRegistry.EnsureCatalog();
        var d = ActivationRegistry.All.Single(a => a.Name == name && a.Owner == typeof(Activations).FullName);
        var p = d.Defaults;
        var (gy, gg) = (Points.Select(v => 0.5 + v * v).ToArray(), Points.Select(v => 1.5 - v).ToArray());
        var source = d.BackwardFromOutput ? Points.Select(x => d.Function(x, p)).ToArray() : Points;
        var kernel = d.Double.Second(null, null) ?? throw new InvalidOperationException($"{name} has no second-order kernel.");
        var actual = Run(kernel, source, gy, gg, p);
        var single = Run(d.Single.Second(null, null)!, source, gy, gg, p);
        for (var i = 0; i < Points.Length; i++)
        {
            var x = Points[i];
            var second = (d.Derivative(x + H, p) - d.Derivative(x - H, p)) / (2 * H);
            // From the output the kernel is ∂(gy·h(y))/∂y; times dy/dx = f′(x) it is ∂(gy·f′(x))/∂x.
            var got = d.BackwardFromOutput ? actual[i] * d.Derivative(x, p) : actual[i];
            var gotSingle = d.BackwardFromOutput ? single[i] * d.Derivative(x, p) : single[i];
            var expected = gg[i] * gy[i] * second;
            Assert.True(Math.Abs(got - expected) <= 1e-7 * (1 + Math.Abs(expected)), $"{name} at {x}: {got} against {expected}");
            Assert.True(Math.Abs(gotSingle - expected) <= 1e-4 * (1 + Math.Abs(expected)),
                $"{name} (float) at {x}: {gotSingle} against {expected}");
        }
    }

    [Fact]
    public void PRelusMixedAndParameterKernelsAreDerivativesOfTheFirstOrder()
    {
        ActivationRegistry.EnsureCatalog();
        var d = Activations.PReluDefinition;
        var p = new[] { 0.3 };
        var (gy, gg) = (Points.Select(v => 0.5 + v * v).ToArray(), Points.Select(v => 1.5 - v).ToArray());
        var mixed = Run(d.Double.Second(null, "weight")!, Points, gy, gg, p);
        var sameMixed = Run(d.Double.Second("weight", null)!, Points, gy, gg, p);
        var weight = Run(d.Double.Second("weight", "weight")!, Points, gy, gg, p);
        Assert.Equal(mixed, sameMixed);
        for (var i = 0; i < Points.Length; i++)
        {
            var x = Points[i];
            var expectedMixed = gg[i] * gy[i] * (d.Derivative(x, new[] { 0.3 + H }) - d.Derivative(x, new[] { 0.3 - H })) / (2 * H);
            Assert.True(Math.Abs(mixed[i] - expectedMixed) <= 1e-7, $"∂²/∂x∂w at {x}: {mixed[i]} against {expectedMixed}");
            // f is linear in the weight: ∂²f/∂w² = 0 (central second difference of f).
            var differenced = d.Function(x, new[] { 0.3 + 1e-3 }) - 2 * d.Function(x, p) + d.Function(x, new[] { 0.3 - 1e-3 });
            var expectedWeight = gg[i] * gy[i] * differenced / 1e-6;
            Assert.True(Math.Abs(weight[i] - expectedWeight) <= 1e-6, $"∂²/∂w² at {x}: {weight[i]} against {expectedWeight}");
        }
    }
}
