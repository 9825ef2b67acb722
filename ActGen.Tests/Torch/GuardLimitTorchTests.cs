using System;
using System.Linq;
using System.Reflection;
using ActGen.Tests.Support;
using ActGen.Torch;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>
/// A learnable parameter that starts at an equality guard learns: soft exponential (Godfrey &amp; Gashler 2015) with α
/// from 0, whose ∂f/∂α there is the limit x²/2 + 1 per element, on the managed kernels and the TorchScript program.
/// </summary>
public class GuardLimitTorchTests
{
    private const string Source = """
        using System;
        using ActGen;
        namespace Demo;
        public static partial class Acts
        {
            [Activation]
            public static double SoftExponential(double x, [Learnable(0.0)] double alpha) =>
                alpha == 0 ? x
                : alpha < 0 ? -Math.Log(1 - alpha * (x + alpha)) / alpha
                : (Math.Exp(alpha * x) - 1) / alpha + alpha;

            [Activation]
            public static double ExpRatio(double x) => x == 0 ? 1 : (Math.Exp(x) - 1) / x;
        }
        """;

    private static readonly Lazy<Assembly> Built = new(() =>
    {
        var run = GeneratorHarness.Generate(Source);
        Assert.Empty(run.GeneratorDiagnostics);
        return GeneratorHarness.Load(run);
    });

    private static ActivationDefinition Definition =>
        (ActivationDefinition)Built.Value.GetType("Demo.Acts")!.GetField("SoftExponentialDefinition")!.GetValue(null)!;

    [Fact]
    public void TheGeneratedParameterDerivativeAtZeroIsTheLimit()
    {
        var derivative = Built.Value.GetType("Demo.Acts")!.GetMethod("SoftExponentialDerivativeAlpha")!;
        foreach (var x in new[] { -2.3, -0.7, 0.0, 0.35, 2.9 })
        {
            Assert.Equal(x * x / 2 + 1, (double)derivative.Invoke(null, [x, 0.0])!, 1e-15);
        }
    }

    /// <summary>A guard on the input: (eˣ − 1)/x has slope 1/2 at 0, where the guarded constant 1 would say 0.</summary>
    [Theory]
    [InlineData("contiguous")]
    [InlineData("transposed")]
    public void AGuardedInputsSlopeIsTheLimitOnEveryPath(string layout)
    {
        ActGen.TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var definition = (ActivationDefinition)Built.Value.GetType("Demo.Acts")!.GetField("ExpRatioDefinition")!.GetValue(null)!;
        Assert.Equal(0.5, definition.Derivative(0, definition.Defaults));
        var values = tensor(new[] { 0.0, 1e-3, -1e-3, 0.0, 0.5, 0.0 }, ScalarType.Float64).reshape(3, 2);
        var x = (layout == "transposed" ? values.t() : values).requires_grad_(true);
        var module = definition.CreateModule!();
        var y = module.call(x);
        y.backward([ones_like(x)]);
        var expected = x.detach().flatten().data<double>()
            .Select(v => v == 0 ? 0.5 : definition.Derivative(v, definition.Defaults))
            .ToArray();
        var actual = x.grad!.flatten().data<double>().ToArray();
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 1e-12));
        Assert.Equal(1.0, y.flatten()[0].item<double>());
    }

    public static readonly TheoryData<string, ScalarType> Layouts = new()
    {
        { "contiguous", ScalarType.Float64 },
        { "transposed", ScalarType.Float64 },
        { "script", ScalarType.Float64 },
        { "contiguous", ScalarType.Float32 },
        { "transposed", ScalarType.Float32 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void AlphasGradientAtZeroIsTheLimitAndSgdMovesIt(string layout, ScalarType dtype)
    {
        ActGen.TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var module = Definition.CreateModule!();
        module.to(dtype);
        var alpha = module.parameters().Single();
        Assert.Equal(0.0, alpha.to(ScalarType.Float64).item<double>());

        var values = (rand(8, 6, dtype: ScalarType.Float64, generator: new TorchSharp.torch.Generator(5)) * 4 - 2).to(dtype);
        var x = (layout == "transposed" ? values.t() : values).requires_grad_(true);
        Assert.Equal(layout != "transposed", x.is_contiguous());
        var gy = TorchCheck.RandomGradient(x);
        using (layout == "script" ? KernelPathSetting.Use(KernelPath.Script) : null)
        {
            module.call(x).backward([gy]);
        }

        var x64 = x.detach().to(ScalarType.Float64);
        var expected = (gy.to(ScalarType.Float64) * (x64 * x64 / 2 + 1)).sum().item<double>();
        var tolerance = dtype == ScalarType.Float64 ? 1e-12 : 1e-5;
        Assert.Equal(expected, alpha.grad!.to(ScalarType.Float64).item<double>(), tolerance * (1 + Math.Abs(expected)));
        Assert.True(TorchCheck.MaxError(x.grad!, gy, 1e-6) <= tolerance); // f = x at α = 0: ∂f/∂x = 1

        var optimizer = optim.SGD(module.parameters(), 0.1);
        optimizer.step();
        var moved = alpha.to(ScalarType.Float64).item<double>();
        Assert.NotEqual(0.0, moved);
        Assert.Equal(-0.1 * expected, moved, tolerance * (1 + Math.Abs(expected)));
    }
}
