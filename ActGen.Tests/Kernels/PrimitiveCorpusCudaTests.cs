using System;
using System.IO;
using System.Linq;
using ActGen.Experiments.Kernels;
using ActGen.Tests.Support;
using Xunit;

namespace ActGen.Tests.Kernels;

/// <summary>
/// Every function a body may call, with a learnable parameter beside it and the guards' <c>&amp;&amp; || !</c>, through the
/// CUDA renderer: the host check's values against the C# kernels, and a real NVRTC's build (where one is found). Random
/// activations reach only some of them; here each is there on purpose, three to an activation.
/// </summary>
public class PrimitiveCorpusCudaTests
{
    private static readonly (string Name, string Body)[] Bodies =
    [
        ("ExpLogSqrt", "Math.Exp(a * x) * 0.01 + Math.Log(1.0 + a * x * x) + Math.Sqrt(1.0 + a * x * x)"),
        ("LogsCbrt", "Math.Log10(1.0 + x * x) + Math.Log2(1.0 + a * x * x) + Math.Log(1.0 + x * x, 3.0) + Math.Cbrt(a * x)"),
        ("PowAbsSign", "Math.Pow(1.0 + x * x, a) + Math.Abs(x) * a + Math.Sign(x) * x * 0.5"),
        ("MaxMinClamp", "Math.Max(x, a * x) + Math.Min(x, -a * x) + Math.Clamp(x, -a, a)"),
        ("Hyperbolic", "Math.Tanh(a * x) + Math.Sinh(0.1 * a * x) + Math.Cosh(0.1 * x)"),
        ("Trigonometric", "Math.Sin(a * x) + Math.Cos(x) + Math.Tan(0.2 * a * x) + Math.Atan(x)"),
        ("InverseHyperbolic", "Math.Asinh(a * x) + Math.Acosh(1.0 + x * x) + Math.Atanh(x / (1.0 + Math.Abs(x)))"),
        ("Rounding", "Math.Floor(x) + Math.Ceiling(a * x) + Math.Round(x) + Math.Truncate(x) + a * x"),
        ("Special", "MathX.Erf(a * x) + MathX.Log1p(x * x) + MathX.Expm1(0.1 * a * x) + MathX.Sigmoid(a * x) + MathX.Softplus(a * x)"),
        ("FmaAndGuards", "x > 0.0 && x < a ? Math.FusedMultiplyAdd(x, a, x * x) : (x <= -a || !(x < 3.0) ? a * x : -x)"),
        ("Comparisons", "x >= a ? x * a : (x == 0.0 ? a : (x != -1.0 ? -a * x * x : 0.5))"),
    ];

    private static readonly Lazy<(ActivationDefinition Definition, string Source)[]> Generated = new(() =>
    {
        var methods = Bodies.Select(b => $"    [Activation] public static double {b.Name}(double x, [Learnable(0.7)] double a) => {b.Body};");
        var source = $$"""
            using System;
            using ActGen;
            namespace PrimitiveCorpus;
            public static partial class Acts
            {
            {{string.Join("\n", methods)}}
            }
            """;
        var run = GeneratorHarness.Generate(source);
        Assert.Empty(run.GeneratorDiagnostics);
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(GeneratorHarness.Load(run).ManifestModule.ModuleHandle);
        return ActivationRegistry.All.Where(d => d.Owner == "PrimitiveCorpus.Acts").Select(d => (d, d.CudaSource!)).ToArray();
    });

    [Fact]
    public void EveryFunctionsKernelsMatchTheCSharpKernelsOnTheHost()
    {
        var activations = Generated.Value;
        Assert.Equal(Bodies.Length, activations.Length);
        var directory = Path.Combine(Path.GetTempPath(), "actgen-cuda-corpus-" + Guid.NewGuid().ToString("N")[..8]);
        var results = CudaHostCheck.Run(activations, directory);
        Assert.All(results, r => Assert.True(r.Matches, $"{r.Activation}: {string.Join("; ", r.Failures)}"));
    }

    /// <summary>
    /// ∂/∂θ is compared with the generated C# kernel, not with finite differences of the forward: one part in 10⁹ is
    /// caught (differences would have needed a tolerance of 10⁻⁶, and fail at a kink or a jump such as Ceiling(a·x)'s).
    /// </summary>
    [Fact]
    public void AParameterGradientOffByOnePartInABillionIsCaught()
    {
        var (definition, source) = Generated.Value.Single(a => a.Definition.Name == "Hyperbolic");
        var at = source.IndexOf("grad_0(T x, T gy, T p0)", StringComparison.Ordinal);
        var gy = source.IndexOf("return (gy * ", at, StringComparison.Ordinal);
        var wrong = source[..gy] + "return (T(1.000000001) * gy * " + source[(gy + "return (gy * ".Length)..];
        var result = Assert.Single(CudaHostCheck.Run([(definition, wrong)], Path.Combine(Path.GetTempPath(), "actgen-cuda-corpus-" + Guid.NewGuid().ToString("N")[..8])));
        Assert.Contains(result.Failures, f => f.StartsWith("grad_0_f64 (one value, shift 0)", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures, f => !f.StartsWith("grad_0_", StringComparison.Ordinal));
    }

    [NvrtcFact]
    public void EveryFunctionCompilesWithNvrtc()
    {
        var activations = Generated.Value;
        Assert.Equal(Bodies.Length, activations.Length);
        Assert.All(activations.Select(a => NvrtcCompileCheck.Run(NvrtcFactAttribute.Nvrtc, a.Definition.Name, a.Source, 90)),
            r => Assert.True(r.Compiles, $"{r.Activation}: {string.Join("; ", r.Failures)}"));
    }
}
