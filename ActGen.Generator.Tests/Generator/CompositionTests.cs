using System;
using System.Linq;
using ActGen.Generator.Ir;
using ActGen.Tests.Support;
using CsCheck;
using Xunit;

namespace ActGen.Generator.Tests.Generator;

/// <summary>Activations calling activations: in the same class, and across assemblies (the built-in catalog).</summary>
public class CompositionTests
{
    private static readonly Lazy<Type> Compiled = new(() =>
    {
        var run = GeneratorHarness.Generate("""
            using System;
            using ActGen;
            namespace Composed;
            public static partial class Acts
            {
                [Activation] public static double Gated(double x, double beta = 1.5) => x * Activations.Sigmoid(beta * x);
                [Activation] public static double Leaky(double x) => Activations.LeakyRelu(x, negativeSlope: 0.2) + Activations.Tanh(x);
                [Activation] public static double Twice(double x) => Gated(Gated(x));
                [Activation] public static double SoftplusOfLogSigmoid(double x) => Activations.Softplus(Activations.LogSigmoid(x), beta: 2.0);
            }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        var assembly = GeneratorHarness.Load(run);
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        return assembly.GetType("Composed.Acts")!;
    });

    private static ActivationDefinition Get(string name)
    {
        _ = Compiled.Value;
        return ActivationRegistry.All.Single(d => d.Owner == "Composed.Acts" && d.Name == name);
    }

    [Theory]
    [InlineData("Gated")]
    [InlineData("Leaky")]
    [InlineData("Twice")]
    [InlineData("SoftplusOfLogSigmoid")]
    public void DerivativesThroughCatalogCallsMatchFiniteDifferences(string name)
    {
        var activation = Get(name);
        foreach (var x in Enumerable.Range(-60, 121).Select(i => i / 10.0 + 0.00123))
        {
            var fd = FiniteDifference.Trusted(activation.Apply, x);
            Assert.NotNull(fd);
            Assert.True(Math.Abs(activation.ApplyDerivative(x) - fd!.Value) < 1e-6 * Math.Max(1, Math.Abs(fd.Value)), $"{name}'({x})");
        }
    }

    [Fact]
    public void CatalogSigmoidInlinedIntoAUserActivationStaysFiniteAtTheExtremes()
    {
        var gated = Get("Gated");
        Assert.Equal(0, gated.ApplyDerivative(-800));
        Assert.Equal(1, gated.ApplyDerivative(800));
    }

    [Fact]
    public void EncodingRoundTripsEveryExpression() =>
        ExprGen.Smooth(5).Sample(e => ExprCodec.Decode(ExprCodec.Encode(e)).Equals(e), iter: 2000);

    [Fact]
    public void ACallToAnActivationCompiledWithoutTheGeneratorIsReportedAtTheCall()
    {
        var library = GeneratorHarness.Compilation("""
            using ActGen;
            namespace Plain;
            public static partial class Lib
            {
                [Activation] public static double Magic(double x) => x * x;
            }
            """).WithAssemblyName("PlainLibrary");
        using var image = new System.IO.MemoryStream();
        Assert.True(library.Emit(image).Success);
        var user = GeneratorHarness.Compilation("""
            using ActGen;
            namespace Composed;
            public static partial class Acts
            {
                [Activation] public static double Hidden(double x) => 2.0 * Plain.Lib.Magic(x);
            }
            """).AddReferences(Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray()));
        var diagnostic = Assert.Single(GeneratorHarness.Generate(user).GeneratorDiagnostics);
        Assert.Equal("ACTGEN010", diagnostic.Id);
        Assert.Contains("Plain.Lib.Magic", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Doubling(int levels) => $$"""
        using System;
        using ActGen;
        namespace Demo;
        public static partial class Doubling
        {
            [Activation] public static double B0(double x) => Math.Tanh(x) + 1.5;
        {{string.Join(
            "\n",
            Enumerable.Range(1, levels).Select(k =>
                $"    [Activation] public static double B{k}(double x) => B{k - 1}(x) * B{k - 1}(x / 2 + 0.25);"))}}
        }
        """;

    /// <summary>
    /// An activation calling another that uses its input twice, k levels deep: inlined, level k would hold 2^k copies
    /// of level 0. Large callees are called instead, so every level's generated code stays the size of a few levels.
    /// </summary>
    [Fact]
    public void DoublingCompositionGrowsWithTheSourceNotExponentially()
    {
        var run = GeneratorHarness.Generate(Doubling(12));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        int Size(int level) => run.Source($".B{level}.g.cs").Length + run.Source($".B{level}.Torch.g.cs").Length;
        var largest = Enumerable.Range(1, 12).Max(Size);
        Assert.True(Size(12) <= 2 * Size(4), $"level 12 generated {Size(12)} characters, level 4 {Size(4)}");
        Assert.True(largest <= 3 * Size(3), $"the largest level generated {largest} characters, level 3 {Size(3)}");
        // A call has no vector form: a kernel that calls runs its scalar loop only; one that inlines keeps its vector loop.
        Assert.DoesNotContain("Vector.IsHardwareAccelerated", run.Source(".B12.g.cs"));
        Assert.Contains("Vector.IsHardwareAccelerated", run.Source(".B0.g.cs"));
        // The second order inlines calls, so only levels small enough inlined get its kernels (the rest compose it).
        Assert.Contains("void B2SecondBackward(", run.Source(".B2.g.cs"));
        Assert.DoesNotContain("SecondBackward(", run.Source(".B12.g.cs"));
    }
}
