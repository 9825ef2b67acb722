using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Native;

/// <summary>TorchSharp really runs here: tensors, autograd and a custom autograd function, checked numerically.</summary>
public class TorchSmokeTests
{
    private static readonly double[] Points = [-1.5, -0.25, 0.5, 2.0];

    [Fact]
    public void AutogradOfTheSumOfSquaresIsTwiceTheInput()
    {
        using var x = tensor(Points, dtype: float64, requires_grad: true);
        using var y = (x * x).sum();

        y.backward();

        var gradient = x.grad!.data<double>().ToArray();
        Assert.Equal(Points.Select(p => 2 * p), gradient, Close(1e-12));
        Assert.Equal(CentralDifferences(t => (t * t).sum()), gradient, Close(1e-6));
    }

    [Fact]
    public void ACustomAutogradFunctionBackpropagatesItsOwnDerivative()
    {
        using var x = tensor(Points, dtype: float64, requires_grad: true);
        using var y = Cube.apply(x).sum();

        y.backward();

        var gradient = x.grad!.data<double>().ToArray();
        Assert.Equal(Points.Select(p => 3 * p * p), gradient, Close(1e-12));
        Assert.Equal(CentralDifferences(t => Cube.apply(t).sum()), gradient, Close(1e-6));
    }

    [Fact]
    public void EnsureLoadedCanBeCalledAgainAndAgain()
    {
        TorchSetup.EnsureLoaded();
        TorchSetup.EnsureLoaded();

        Assert.Equal(10.0, arange(1, 5, dtype: float64).sum().item<double>());
    }

    /// <summary>(f(x + h eᵢ) − f(x − h eᵢ)) / 2h for every coordinate, with autograd off.</summary>
    private static double[] CentralDifferences(System.Func<Tensor, Tensor> f, double h = 1e-5)
    {
        using var _ = no_grad();
        return Points.Select((_, i) =>
        {
            var step = new double[Points.Length];
            step[i] = h;
            using var up = tensor(Points.Zip(step, (p, s) => p + s).ToArray(), dtype: float64);
            using var down = tensor(Points.Zip(step, (p, s) => p - s).ToArray(), dtype: float64);
            return (f(up).item<double>() - f(down).item<double>()) / (2 * h);
        }).ToArray();
    }

    private static IEqualityComparer<double> Close(double tolerance) =>
        EqualityComparer<double>.Create((a, b) => System.Math.Abs(a - b) <= tolerance * System.Math.Max(1, System.Math.Abs(b)), _ => 0);

    /// <summary>x³ with a hand-written backward 3x²·g, stateless as TorchSharp shares one instance.</summary>
    private sealed class Cube : autograd.SingleTensorFunction<Cube>
    {
        public override string Name => nameof(Cube);

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var x = (Tensor)vars[0];
            ctx.save_for_backward([x]);
            return x * x * x;
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
        {
            var x = ctx.get_saved_variables()[0];
            return [grad_output * 3 * x * x];
        }
    }
}
