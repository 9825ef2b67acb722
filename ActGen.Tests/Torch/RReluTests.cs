using System;
using System.Linq;
using Xunit;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ActGen.Tests.Torch;

/// <summary>RReLU: per-element slopes from U(lower, upper) in training (backward uses the same ones), the mean in eval.</summary>
public class RReluTests
{
    private const double Lower = 1.0 / 8, Upper = 1.0 / 3;
    private const int N = 200_000;

    /// <summary>Slopes y/x of the negative inputs and the gradient there (incoming gradient 1).</summary>
    private static (double[] Slopes, double[] Gradients, Tensor Y, Tensor X, Tensor Grad) Run(Func<Tensor, Tensor> f, ScalarType dtype = ScalarType.Float64)
    {
        var x = (rand(N, dtype: ScalarType.Float64, generator: new TorchSharp.torch.Generator(9)) * 8 - 6).to(dtype).requires_grad_(true);
        var y = f(x);
        y.backward([ones_like(y)]);
        var negative = x.detach() < 0;
        var slopes = (y.detach() / x.detach())[negative].to(ScalarType.Float64).data<double>().ToArray();
        var gradients = x.grad![negative].to(ScalarType.Float64).data<double>().ToArray();
        return (slopes, gradients, y.detach(), x.detach(), x.grad!);
    }

    private static void AssertUniformSlopes(double[] slopes, double lower, double upper)
    {
        Assert.True(slopes.Length > N / 2);
        Assert.All(slopes, s => Assert.InRange(s, lower - 1e-7, upper + 1e-7));
        var mean = slopes.Average();
        var variance = slopes.Select(s => (s - mean) * (s - mean)).Average();
        var expectedVariance = (upper - lower) * (upper - lower) / 12;
        Assert.InRange(mean, (lower + upper) / 2 - 5 * Math.Sqrt(expectedVariance / slopes.Length), (lower + upper) / 2 + 5 * Math.Sqrt(expectedVariance / slopes.Length));
        Assert.InRange(variance, 0.97 * expectedVariance, 1.03 * expectedVariance);
        // Spread over the whole interval: each tenth of it holds about a tenth of the slopes.
        var counts = slopes.GroupBy(s => Math.Min(9, (int)((s - lower) / (upper - lower) * 10))).Select(b => b.Count()).ToArray();
        Assert.Equal(10, counts.Length);
        Assert.All(counts, c => Assert.InRange(c, slopes.Length / 10 * 0.95, slopes.Length / 10 * 1.05));
    }

    [Theory]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Float32)]
    public void TrainingDrawsSlopesUniformlyAndBackwardUsesTheSameOnes(ScalarType dtype)
    {
        var (slopes, gradients, y, x, grad) = Run(x => Activations.RRelu(x, training: true), dtype);
        AssertUniformSlopes(slopes, Lower, Upper);
        var tolerance = dtype == ScalarType.Float64 ? 1e-12 : 1e-5;
        Assert.All(slopes.Zip(gradients), p => Assert.Equal(p.First, p.Second, tolerance));
        var positive = x > 0;
        Assert.Equal(x[positive].to(ScalarType.Float64).data<double>().ToArray(), y[positive].to(ScalarType.Float64).data<double>().ToArray());
        Assert.True(grad[positive].eq(1).all().item<bool>());
    }

    [Fact]
    public void ModuleHonoursTrainAndEval()
    {
        var module = new Activations.RReluModule(lower: 0.1, upper: 0.5);
        module.train();
        var (slopes, gradients, _, _, _) = Run(x => module.call(x));
        AssertUniformSlopes(slopes, 0.1, 0.5);
        Assert.All(slopes.Zip(gradients), p => Assert.Equal(p.First, p.Second, 1e-12));

        module.eval();
        var (_, _, y, x, grad) = Run(x => module.call(x));
        var xr = x.clone().requires_grad_(true);
        var yr = F.leaky_relu(xr, 0.3);
        yr.backward([ones_like(yr)]);
        Assert.Equal(0.0, (y - yr).abs().max().item<double>(), 15);
        Assert.Equal(0.0, (grad - xr.grad!).abs().max().item<double>(), 15);
    }

    [Fact]
    public void EvalEqualsLeakyReluAtTheMeanSlope()
    {
        var x = linspace(-12, 12, 2401, dtype: ScalarType.Float64);
        Assert.Equal(0.0, (Activations.RRelu(x) - F.leaky_relu(x, (Lower + Upper) / 2)).abs().max().item<double>(), 15);
        Assert.Equal(0.0, (Activations.RRelu(x, training: false, lower: 0.2, upper: 0.4) - F.leaky_relu(x, (0.2 + 0.4) / 2)).abs().max().item<double>(), 15);
    }

    /// <summary>TorchSharp's only training-mode RReLU is TorchScript's torch.rrelu(x, l, u, True) (FACTS.md): same law of slopes.</summary>
    [Fact]
    public void TrainingMatchesTorchScriptRreluStatistically()
    {
        var unit = jit.compile("def f(x):\n    return torch.rrelu(x, 0.125, 0.3333333333333333, True)\n");
        var (torchSlopes, torchGradients, _, _, _) = Run(x => unit.invoke<Tensor>("f", x));
        var (slopes, _, _, _, _) = Run(x => Activations.RRelu(x, training: true));
        AssertUniformSlopes(torchSlopes, Lower, Upper); // the reference itself behaves as described
        Assert.All(torchSlopes.Zip(torchGradients), p => Assert.Equal(p.First, p.Second, 1e-12));

        // Two-sample Kolmogorov–Smirnov: D below the 0.1 % critical value 1.95·sqrt((n + m) / (n·m)).
        var (a, b) = (slopes.Order().ToArray(), torchSlopes.Order().ToArray());
        var (i, j, d) = (0, 0, 0.0);
        while (i < a.Length && j < b.Length)
        {
            if (a[i] <= b[j]) { i++; } else { j++; }
            d = Math.Max(d, Math.Abs((double)i / a.Length - (double)j / b.Length));
        }

        Assert.True(d < 1.95 * Math.Sqrt((double)(a.Length + b.Length) / ((double)a.Length * b.Length)), $"KS distance {d}");
        // The means of two independent samples of U(l, u) differ by less than five standard errors of their difference
        // (rounding both to three places, as before, failed whenever they fell either side of a rounding boundary).
        var spread = (Upper - Lower) / Math.Sqrt(12);
        var standardError = spread * Math.Sqrt(1.0 / a.Length + 1.0 / b.Length);
        Assert.InRange(Math.Abs(torchSlopes.Average() - slopes.Average()), 0, 5 * standardError);
    }
}
