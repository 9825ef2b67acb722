using System;
using System.Linq;
using ActGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ActGen.Generator.Tests.Generator;

/// <summary>
/// A partial activation, its defining part in one file and its body in another, is one activation whichever part carries
/// <c>[Activation]</c>: it generates, builds and differentiates the body, and an edit to the body's file is generated again.
/// </summary>
public class PartialActivationTests
{
    private static string Part(string member) => $$"""
        using System;
        using ActGen;
        namespace Parts;
        public static partial class Acts
        {
            {{member}}
        }
        """;

    private const string Definition = "public static partial double Bent(double x, double k = 0.5);";

    private static string Implementation(string body) => $"public static partial double Bent(double x, double k) => {body};";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EitherPartMayCarryTheAttribute(bool onDefinition)
    {
        var run = GeneratorHarness.Generate(
            Part((onDefinition ? "[Activation] " : "") + Definition),
            Part((onDefinition ? "" : "[Activation] ") + Implementation("x * Math.Tanh(k * x)")),
            Part("[Activation] public static double Twice(double x) => Bent(Bent(x));"));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var derivative = GeneratorHarness.Load(run).GetType("Parts.Acts")!.GetMethod("BentDerivative")!;
        foreach (var x in new[] { -2.0, -0.3, 0.0, 0.7, 3.0 })
        {
            var t = Math.Tanh(0.5 * x);
            Assert.Equal(t + x * 0.5 * (1 - t * t), (double)derivative.Invoke(null, [x, 0.5])!, 12);
        }

        // An activation calling it composes its body: Twice'(x) = Bent'(Bent(x)) · Bent'(x).
        var acts = GeneratorHarness.Load(run).GetType("Parts.Acts")!;
        double Bent(string name, double x) => (double)acts.GetMethod(name, [typeof(double), typeof(double)])!.Invoke(null, [x, 0.5])!;
        var twice = (double)acts.GetMethod("TwiceDerivative", [typeof(double)])!.Invoke(null, [0.8])!;
        Assert.Equal(Bent("BentDerivative", Bent("Bent", 0.8)) * Bent("BentDerivative", 0.8), twice, 12);
    }

    [Fact]
    public void AnEditToTheBodysFileIsGeneratedAgain()
    {
        var compilation = GeneratorHarness.Compilation(Part("[Activation] " + Definition), Part(Implementation("x * x")));
        var before = compilation.SyntaxTrees.ElementAt(1);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        string Scalar(GeneratorDriver d) => d.GetRunResult().Results.Single().GeneratedSources
            .Single(s => s.HintName.Contains("Bent", StringComparison.Ordinal) && !s.HintName.Contains("Torch", StringComparison.Ordinal)
                && !s.HintName.Contains("Cuda", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("BentDerivative", Scalar(driver));
        var first = Scalar(driver);

        var after = CSharpSyntaxTree.ParseText(Part(Implementation("x * x * x")), (CSharpParseOptions)before.Options, before.FilePath);
        var edited = driver.RunGeneratorsAndUpdateCompilation(compilation.ReplaceSyntaxTree(before, after), out var output, out _);
        Assert.Empty(edited.GetRunResult().Diagnostics);
        Assert.NotEqual(first, Scalar(edited));
        var loaded = GeneratorHarness.Load(new GeneratorHarness.Run(edited, edited.GetRunResult().Results.Single(), output, output.GetDiagnostics()));
        Assert.Equal(12.0, (double)loaded.GetType("Parts.Acts")!.GetMethod("BentDerivative")!.Invoke(null, [2.0, 0.5])!, 12); // 3x²
    }

    [Fact]
    public void ADiagnosticInTheBodyPointsIntoTheBodysFile()
    {
        var run = GeneratorHarness.Generate(Part("[Activation] " + Definition), Part(Implementation("x > 0 ? x : Console.Read()")));
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.True(diagnostic.Location.GetLineSpan().Path == "User1.cs", diagnostic.ToString());
        var body = run.Output.SyntaxTrees.Single(t => t.FilePath == "User1.cs").ToString();
        Assert.StartsWith("Console.Read", body[diagnostic.Location.SourceSpan.Start..]);
    }
}
