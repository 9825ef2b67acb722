using System.Linq;
using ActGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ActGen.Generator.Tests.Generator;

/// <summary>ACTGEN017: an equality guard whose other branch gives no limit for the derivative is a warning; code still generates.</summary>
public class GuardLimitDiagnosticTests
{
    private static GeneratorHarness.Run Generate(string member) => GeneratorHarness.Generate($$"""
        using System;
        using ActGen;
        namespace Demo;
        public static partial class Acts
        {
            {{member}}
        }
        """);

    [Theory]
    [InlineData("[Activation] public static double F(double x, [Learnable(1.0)] double a) => a == 0 ? 0 : x / a;", "pole", "a == 0")]
    [InlineData(
        "[Activation] public static double F(double x, [Learnable(1.0)] double a) => (0 != a) ? Math.Abs(a) * x : 0;",
        "differ",
        "(0 != a)")]
    [InlineData("[Activation] public static double F(double x) => x == 0 ? 0 : Math.Log(x * x) * x;", "not analytic", "x == 0")]
    // not 'v == c': no limit is taken, and that is said
    [InlineData(
        "[Activation] public static double F(double x, double b = 2.0) => b * x == 0 ? 1 : Math.Sin(b * x) / (b * x);",
        "not 'x == c' alone",
        "b * x == 0")]
    [InlineData(
        "[Activation] public static double F(double x, double b = 2.0) => x == 0 && b > 0 ? 1 : Math.Sin(x) / x;",
        "not 'x == c' alone",
        "x == 0 && b > 0")]
    public void AGuardWithoutALimitIsAWarningAtTheGuardAndTheActivationStillGenerates(string member, string reason, string flagged)
    {
        var run = Generate(member);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("ACTGEN017", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains(reason, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var tree = run.Output.SyntaxTrees.Single(t => t.FilePath == diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(flagged, tree.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(3, run.Result.GeneratedSources.Length);
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("[Activation] public static double F(double x, [Learnable(0.0)] double a) => a == 0 ? x : (Math.Exp(a * x) - 1) / a;")]
    [InlineData("[Activation] public static double F(double x) => x == 0 ? 1 : Math.Sin(x) / x;")]
    // a hyper-parameter is not differentiated
    [InlineData("[Activation] public static double F(double x, double b = 1.0) => b == 0 ? 0 : x / b;")]
    // the NaN guard the generator adds (x != x) is not the user's
    [InlineData("[Activation] public static double F(double x) => x > 0 ? x : 0.01 * x;")]
    public void AGuardWithALimitOrOnAHyperParameterIsSilent(string member)
    {
        var run = Generate(member);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}
