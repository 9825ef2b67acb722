using System;
using System.Linq;
using ActGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ActGen.Generator.Tests.Generator;

/// <summary>
/// Forty levels of a primitive nested in itself (the user trial's <c>Math.Tanh(Math.Tanh(…))</c>, and each primitive
/// whose derivative or stable form uses its argument twice) generate code whose kernels match the function and finite
/// differences; a local used two or three times on each of forty lines gets ACTGEN018. Never an exception, never CS8785.
/// </summary>
public class DeepNestingTests
{
    private const int Depth = 40;

    /// <summary>
    /// A level written in u, nested as one expression or as one local per level; whether forty levels generate; and
    /// the points to check (none where the nest overflows or leaves its domain everywhere: eᵉˣ… and ln ln x… at 40).
    /// </summary>
    public static TheoryData<string, bool, bool, double[]> Cases() => new()
    {
        { "Math.Tanh(u)", false, true, [-1.5, -0.3, 0.7, 2.5] },
        { "Math.Tanh(u)", true, true, [-1.5, 0.7] },
        { "Math.Exp(u)", false, true, [] },
        { "0.3 * Math.Exp(u)", false, true, [-1.5, 0.2, 1.1] },
        { "1 / (1 + Math.Exp(-u))", false, true, [-2.5, 0.4, 3] },
        { "Math.Atan(u)", false, true, [-1.5, 0.3, 2.5] },
        { "Math.Sqrt(u)", false, true, [0.3, 2.5, 40] },
        { "Math.Log(u)", false, true, [] },
        { "Math.Log(2 + u)", false, true, [-1.2, 0.5, 3] },
        { "Math.Atan(Math.Tanh(u)) * 1.5", true, true, [-1.5, 0.3, 2.5] },
        { "u > 0 ? u : 0.01 * u", true, false, [] },
        { "Math.Tanh(u) * u", true, false, [] },
    };

    private static string Source(string ns, string level, bool lets)
    {
        var body = lets
            ? "{ var t0 = x; " + string.Concat(Enumerable.Range(0, Depth).Select(i => $"var t{i + 1} = {level.Replace("u", $"t{i}")}; "))
                + $"return t{Depth}; }}"
            : "=> " + Enumerable.Range(0, Depth).Aggregate("x", (inner, _) => level.Replace("u", $"({inner})")) + ";";
        return $$"""
            using System;
            using ActGen;
            namespace {{ns}};
            public static partial class Acts
            {
                [Activation] public static double F(double x) {{body}}
            }
            """;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FortyLevelsGenerateWorkingCodeOrActgen018(string level, bool lets, bool generates, double[] points)
    {
        var ns = "Nest" + string.Concat(level.Where(char.IsLetterOrDigit)) + (lets ? "Lets" : "");
        var run = GeneratorHarness.Generate(Source(ns, level, lets));
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.CompileDiagnostics.Concat(run.GeneratorDiagnostics), d => d.Id == "CS8785");
        if (!generates)
        {
            Assert.Equal("ACTGEN018", Assert.Single(run.GeneratorDiagnostics).Id);
            return;
        }

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var assembly = GeneratorHarness.Load(run);
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        var f = assembly.GetType($"{ns}.Acts")!.GetMethod("F", [typeof(double)])!.CreateDelegate<Func<double, double>>();
        var definition = ActivationRegistry.All.Single(d => d.Owner == $"{ns}.Acts" && d.Name == "F");
        var forward = CompiledBodies.ForwardDouble(definition, points);
        var derivative = CompiledBodies.DerivativeDouble(definition, points);
        for (var i = 0; i < points.Length; i++)
        {
            Assert.Equal(f(points[i]), forward[i], 12);
            var expected = FiniteDifference.Trusted(f, points[i]);
            Assert.True(expected is not null, $"f is not smooth at {points[i]}");
            Assert.True(
                Math.Abs(derivative[i] - expected!.Value) <= 1e-5 * Math.Max(1, Math.Abs(expected.Value)),
                $"f′({points[i]}) = {derivative[i]}, finite differences {expected}");
        }
    }
}
