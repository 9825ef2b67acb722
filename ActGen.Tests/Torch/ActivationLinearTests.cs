using System;
using System.Linq;
using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ActGen.Tests.Torch;

/// <summary>
/// ActivationLinear (φ(x·Wᵀ + b) in one autograd node) in float64: gradients of x, W and b against finite differences,
/// and value and gradients against the same layer composed of TorchSharp ops; bad arguments are named.
/// </summary>
public sealed class ActivationLinearTests
{
    public static TheoryData<string, double[]> Cases() => new()
    {
        { "Elu", [] },          // backward reads z
        { "Sigmoid", [] },      // f′ written in y: backward recomputes y from z
        { "Tanh", [] },
        { "Gelu", [] },
        { "LeakyRelu", [0.2] }, // a hyper-parameter away from its default
        { "Softplus", [2.0, 3.0] },
    };

    private static Tensor Composed(string name, Tensor z, double[] p) => name switch
    {
        "Elu" => F.elu(z, 1.0),
        "Sigmoid" => F.sigmoid(z),
        "Tanh" => F.tanh(z),
        "Gelu" => F.gelu(z),
        "LeakyRelu" => F.leaky_relu(z, p[0]),
        "Softplus" => F.softplus(z, p[0], p[1]),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradientsMatchFiniteDifferences(string name, double[] hyper)
    {
        TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var definition = Definition(name);
        var (x, w, b) = Inputs(seed: 1);
        GradCheck.Assert(
            (xv, ps) => ActivationLinear.Apply(xv, ps[0], ps[1], definition, hyper.Length == 0 ? null : hyper), x, [w, b],
            new GradCheckOptions(ElementWise: false)); // a dense layer mixes the input elements
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValueAndGradientsMatchComposedOps(string name, double[] hyper)
    {
        TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var definition = Definition(name);
        var (x0, w0, b0) = Inputs(seed: 2);
        Tensor Leaf(Tensor t) => t.clone().requires_grad_(true);
        var (x1, w1, b1, x2, w2, b2) = (Leaf(x0), Leaf(w0), Leaf(b0), Leaf(x0), Leaf(w0), Leaf(b0));
        var fused = ActivationLinear.Apply(x1, w1, b1, definition, hyper.Length == 0 ? null : hyper);
        var composed = Composed(name, F.linear(x2, w2, b2), hyper.Length == 0 ? definition.Defaults : hyper);
        Assert.True(allclose(fused, composed, rtol: 1e-12, atol: 1e-14), name + ": values");
        var gy = randn(fused.shape, dtype: ScalarType.Float64, generator: new TorchSharp.torch.Generator(3));
        var g1 = autograd.grad([fused], [x1, w1, b1], [gy]);
        var g2 = autograd.grad([composed], [x2, w2, b2], [gy]);
        for (var i = 0; i < 3; i++) Assert.True(allclose(g1[i], g2[i], rtol: 1e-10, atol: 1e-12), $"{name}: gradient {i}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PreActivationGradientIsWhatRetainGradKeepsOnZ(string name, double[] hyper)
    {
        TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var definition = Definition(name);
        var (x0, w0, b0) = Inputs(seed: 6);
        Tensor Leaf(Tensor t) => t.clone().requires_grad_(true);
        var measured = new PreActivationGradient();
        var fused = ActivationLinear.Apply(Leaf(x0), Leaf(w0), Leaf(b0), definition, hyper.Length == 0 ? null : hyper, measured);
        var z = F.linear(Leaf(x0), Leaf(w0), Leaf(b0));
        z.retain_grad();
        var composed = Composed(name, z, hyper.Length == 0 ? definition.Defaults : hyper);
        Assert.Null(measured.Grad);
        var gy = randn(fused.shape, dtype: ScalarType.Float64, generator: new TorchSharp.torch.Generator(7));
        fused.backward([gy]);
        composed.backward([gy]);
        Assert.True(allclose(measured.Grad!, z.grad!, rtol: 1e-10, atol: 1e-12), name);
    }

    [Fact]
    public void ModuleTrainsItsWeightAndBias()
    {
        TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var layer = new ActivationLinear(Definition("Elu"), 3, 4, dtype: ScalarType.Float64);
        var x = randn(5, 3, dtype: ScalarType.Float64);
        var z = F.linear(x, layer.Weight, layer.Bias).detach();
        var y = layer.forward(x);
        Assert.True(allclose(y, F.elu(z, 1.0), rtol: 1e-12, atol: 1e-14));
        y.sum().backward();
        // ∂Σy/∂b = Σ over the batch of elu′(z) = 1 above 0, eᶻ below.
        Assert.True(allclose(layer.Bias.grad!, where(z > 0, ones_like(z), z.exp()).sum(dim: 0L), rtol: 1e-12, atol: 1e-14));
        Assert.Equal(2, layer.parameters().Count());
        Assert.True(layer.Weight.abs().max().item<double>() <= 1 / Math.Sqrt(3));
    }

    [Fact]
    public void BadArgumentsAreNamed()
    {
        TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var elu = Definition("Elu");
        var (x, w, b) = Inputs(seed: 4);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => ActivationLinear.Apply(randn(5, 2, dtype: ScalarType.Float64), w, b, elu)).ParamName);
        Assert.Equal("bias", Assert.Throws<ArgumentException>(() => ActivationLinear.Apply(x, w, randn(7, dtype: ScalarType.Float64), elu)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => ActivationLinear.Apply(x.to(ScalarType.Float32), w, b, elu)).ParamName);
        Assert.Equal("hyperParameters", Assert.Throws<ArgumentException>(() => ActivationLinear.Apply(x, w, b, elu, [1.0, 2.0])).ParamName);
        Assert.Equal("activation", Assert.Throws<ArgumentException>(() => ActivationLinear.Apply(x, w, b, Definition("PRelu"))).ParamName);
        Assert.Equal("dtype", Assert.Throws<ArgumentException>(() => new ActivationLinear(elu, 3, 4, dtype: ScalarType.Int32)).ParamName);
    }

    [Fact]
    public void NaNInNaNOut()
    {
        TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var (x, w, b) = Inputs(seed: 5);
        x[0, 0] = double.NaN;
        var y = ActivationLinear.Apply(x, w, b, Definition("Sigmoid"));
        Assert.True(y[0].isnan().all().item<bool>());
        Assert.False(y[1].isnan().any().item<bool>());
    }

    private static ActivationDefinition Definition(string name)
    {
        ActivationRegistry.EnsureCatalog();
        return ActivationRegistry.Get(name);
    }

    private static (Tensor X, Tensor W, Tensor B) Inputs(int seed)
    {
        var g = new TorchSharp.torch.Generator((ulong)seed);
        return (randn(5, 3, dtype: ScalarType.Float64, generator: g), randn(4, 3, dtype: ScalarType.Float64, generator: g),
            randn(4, dtype: ScalarType.Float64, generator: g));
    }
}
