using System;
using System.Linq;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>Inputs, autograd runs and error measures shared by the TorchSharp tests.</summary>
public static class TorchCheck
{
    /// <summary>A dense grid of [−12, 12], random points (normal and uniform) and the kinks themselves, exactly.</summary>
    public static Tensor Points(ScalarType dtype, double[] kinks, ulong seed = 7)
    {
        var generator = new TorchSharp.torch.Generator(seed);
        var grid = linspace(-12, 12, 4801, dtype: ScalarType.Float64);
        var normal = randn(2000, dtype: ScalarType.Float64, generator: generator) * 3;
        var uniform = rand(2000, dtype: ScalarType.Float64, generator: generator) * 24 - 12;
        var exact = tensor(kinks.Concat([0.0, -0.0, 1, -1, 3, -3, 6, 20, -20]).ToArray(), dtype: ScalarType.Float64);
        return cat([grid, normal, uniform, exact], 0).to(dtype);
    }

    /// <summary>Large magnitudes up to 1e4, where naive formulas overflow.</summary>
    public static Tensor Large(ScalarType dtype) =>
        cat([linspace(-1e4, 1e4, 2001, dtype: ScalarType.Float64),
            tensor(new[] { -1e4, 1e4, -88.8, 88.8, -89, 89, -104, 104, -710, 710, -1e3, 1e3, -50, 50 }, dtype: ScalarType.Float64)], 0).to(dtype);

    public static Tensor RandomGradient(Tensor like, ulong seed = 11) =>
        randn(like.shape, dtype: like.dtype, generator: new TorchSharp.torch.Generator(seed));

    /// <summary>f(x) and ∂(g·f(x))/∂x by autograd, on a fresh leaf.</summary>
    public static (Tensor Y, Tensor Grad) Run(Func<Tensor, Tensor> f, Tensor x, Tensor g)
    {
        var leaf = x.detach().clone().requires_grad_(true);
        var y = f(leaf);
        y.backward([g]);
        return (y.detach(), leaf.grad!.detach());
    }

    /// <summary>
    /// Per element |a − b| / max(|b|, floor · scale): relative error, measured against an absolute floor where |b| is
    /// smaller than the natural scale of the quantity (1 for values, |incoming gradient| for gradients) times
    /// <paramref name="floor"/> — below it both implementations lose relative accuracy to cancellation (tanh′ = 1 − y²
    /// at |x| ≈ 12, 1 + tanh(z) in GELU's far tail). NaN where exactly one side is NaN.
    /// </summary>
    public static Tensor Errors(Tensor actual, Tensor expected, double floor, Tensor? scale = null)
    {
        Assert(actual.shape.SequenceEqual(expected.shape), "shapes differ");
        var a = actual.to(ScalarType.Float64);
        var b = expected.to(ScalarType.Float64);
        var reference = scale is null ? full_like(b, floor) : scale.to(ScalarType.Float64).abs() * floor;
        var error = (a - b).abs() / maximum(b.abs(), reference).clamp_min(1e-300);
        var same = (a == b) | (a.isnan() & b.isnan());
        return where(same, zeros_like(error), error).nan_to_num(1e300, 1e300, 1e300);
    }

    public static double MaxError(Tensor actual, Tensor expected, double floor, Tensor? scale = null) =>
        Errors(actual, expected, floor, scale).max().item<double>();

    /// <summary>Where the error is largest: "x = …: actual …, expected …".</summary>
    public static string Worst(Tensor x, Tensor actual, Tensor expected, double floor, Tensor? scale = null)
    {
        var i = Errors(actual, expected, floor, scale).argmax().item<long>();
        var (a, b) = (actual.to(ScalarType.Float64)[i].item<double>(), expected.to(ScalarType.Float64)[i].item<double>());
        return FormattableString.Invariant($"x = {x.to(ScalarType.Float64)[i].item<double>():R}: actual {a:R}, expected {b:R}");
    }

    public static bool AllFinite(Tensor t) => t.isfinite().all().item<bool>();

    private static void Assert(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
