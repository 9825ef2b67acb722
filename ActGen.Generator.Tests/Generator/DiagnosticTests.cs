using System.Linq;
using ActGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ActGen.Generator.Tests.Generator;

/// <summary>Every construct outside the subset gets one ACTGEN diagnostic at its location, and nothing is emitted for it.</summary>
public class DiagnosticTests
{
    private static string Class(string members, string modifiers = "public static partial") => $$"""
        using System;
        using ActGen;
        namespace Demo;
        {{modifiers}} class Acts
        {
        {{members}}
        }
        """;

    private static string Flagged(GeneratorHarness.Run run, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var tree = run.Output.SyntaxTrees.Single(t => t.FilePath == span.Path);
        return tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }

    [Theory]
    [InlineData(
        "[Activation] public static double F(double x) { var s = 0.0; for (var i = 0; i < 3; i++) s += x; return s; }",
        "ACTGEN002",
        "for (var i = 0; i < 3; i++) s += x;")]
    [InlineData("[Activation] public static double F(double x) { Console.WriteLine(x); return x; }", "ACTGEN002", "Console.WriteLine(x);")]
    [InlineData("[Activation] public static double F(double x) => x % 2.0;", "ACTGEN001", "x % 2.0")]
    [InlineData(
        "[Activation] public static double F(double x) => Random.Shared.NextDouble() * x;",
        "ACTGEN003",
        "Random.Shared.NextDouble")]
    [InlineData("[Activation] public static double F(double x) => Math.IEEERemainder(x, 2.0);", "ACTGEN003", "Math.IEEERemainder")]
    [InlineData("static double Helper(double x) => x; [Activation] public static double F(double x) => Helper(x);", "ACTGEN003", "Helper")]
    [InlineData("static double k = 2; [Activation] public static double F(double x) => k * x;", "ACTGEN007", "k")]
    [InlineData(
        "[Activation] public static double F(double x) => x switch { > 0 => x, _ => 0 };",
        "ACTGEN001",
        "x switch { > 0 => x, _ => 0 }")]
    [InlineData("[Activation] public static double F(double x) => (float)x;", "ACTGEN008", "(float)x")]
    [InlineData("[Activation] public static double F(double x) { var n = 2; return x * n; }", "ACTGEN008", "var n = 2")]
    [InlineData("[Activation] public static double F(double x, double alpha) => alpha * x;", "ACTGEN006", "alpha")]
    [InlineData("[Activation] public static double F(double x, int k = 2) => k * x;", "ACTGEN006", "k")]
    [InlineData("[Activation] public static float F(float x) => x;", "ACTGEN005", "F")]
    [InlineData("[Activation] public double F(double x) => x;", "ACTGEN005", "F")]
    [InlineData("[Activation] public static double F(double x) => F(x - 1.0);", "ACTGEN009", "F")]
    public void UnsupportedCodeGetsOneDiagnosticAtItsLocation(string members, string id, string flagged)
    {
        var run = GeneratorHarness.Generate(Class(members));
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(flagged, Flagged(run, diagnostic));
        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Theory]
    [InlineData("public static class", "ACTGEN004")]
    [InlineData("public partial class", "ACTGEN004")]
    public void TheClassMustBeStaticPartial(string modifiers, string id)
    {
        var run = GeneratorHarness.Generate(Class("[Activation] public static double F(double x) => x;", modifiers));
        Assert.Equal(id, Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Equal("Acts", Flagged(run, run.GeneratorDiagnostics[0]));
    }

    [Fact]
    public void EveryProblemInOneMethodIsReportedAndOtherMethodsStillGenerate()
    {
        var run = GeneratorHarness.Generate(Class("""
            [Activation] public static double Bad(double x) => Math.IEEERemainder(x, 2.0) + x % 3.0;
            [Activation] public static double Good(double x) => x * x;
            """));
        Assert.Equal(["ACTGEN001", "ACTGEN003"], run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(i => i));
        Assert.Equal(
            ["Demo.Acts.Good.Cuda.g.cs", "Demo.Acts.Good.g.cs", "Demo.Acts.Good.Torch.g.cs"],
            run.Result.GeneratedSources.Select(s => s.HintName).Order());
    }

    [Fact]
    public void CallingABrokenActivationIsReportedOnTheCaller()
    {
        var run = GeneratorHarness.Generate(Class("""
            [Activation] public static double Bad(double x) => Math.IEEERemainder(x, 2.0);
            [Activation] public static double Caller(double x) => 2.0 * Bad(x);
            """));
        Assert.Equal(["ACTGEN003", "ACTGEN010"], run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(i => i));
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void MutualRecursionIsReported()
    {
        var run = GeneratorHarness.Generate(Class("""
            [Activation] public static double A(double x) => B(x) + 1.0;
            [Activation] public static double B(double x) => A(x) * 2.0;
            """));
        Assert.Equal(["ACTGEN009", "ACTGEN009"], run.GeneratorDiagnostics.Select(d => d.Id));
    }

    /// <summary>
    /// A local used twice per line, or a small activation nested in itself, doubles the tree written out per level.
    /// Lowering works on the DAG, but the body recorded for other assemblies is that tree: past a size, counted without
    /// writing anything out, the activation gets ACTGEN018 at its method instead of being lowered (nothing is generated
    /// for it), and the others still generate.
    /// </summary>
    [Theory]
    [InlineData("lets")]
    [InlineData("nested calls")]
    public void AnActivationThatDoublesPerLevelGetsOneErrorAtItsMethodQuickly(string shape)
    {
        var levels = Enumerable.Range(0, 40);
        var members = shape == "lets"
            ? "[Activation] public static double F(double x) { var t0 = x; "
                + string.Concat(levels.Select(i => $"var t{i + 1} = t{i} * 0.999 + Math.Sin(t{i}); "))
                + "return t40; }"
            : "[Activation] public static double Step(double t) => t * 0.999 + Math.Sin(t); "
                + "[Activation] public static double F(double x) => "
                + levels.Aggregate("x", (inner, _) => $"Step({inner})") + ";";
        var run = GeneratorHarness.Generate(Class(members + " [Activation] public static double Fine(double x) => x * Math.Tanh(x);"));
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("ACTGEN018", diagnostic.Id);
        Assert.Equal("F", Flagged(run, diagnostic));
        Assert.Null(run.Result.Exception);
        Assert.Contains(run.Result.GeneratedSources, s => s.HintName == "Demo.Acts.Fine.g.cs");
        Assert.DoesNotContain(run.Result.GeneratedSources, s => s.HintName.StartsWith("Demo.Acts.F.", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[Activation] public static double F(double x) => Math.Exp(")]
    [InlineData("[Activation] public static double F(double x) => x * Math.Exq(x);")]
    [InlineData("[Activation] public static double F(double x) => x * undefinedName;")]
    public void CodeThatDoesNotCompileGetsTheCompilersErrorOnly(string members)
    {
        var run = GeneratorHarness.Generate(Class(members));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(
            run.CompileDiagnostics,
            d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        Assert.Null(run.Result.Exception);
    }

    [Fact]
    public void AllDiagnosticIdsStartWithActgen()
    {
        var ids = typeof(ActGen.Generator.ActivationGenerator).Assembly
            .GetType("ActGen.Generator.Diagnostics.Descriptors")!
            .GetFields()
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith("ACTGEN", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
