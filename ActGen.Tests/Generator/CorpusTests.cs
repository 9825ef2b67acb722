using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ActGen.Tests.Support;
using Microsoft.CodeAnalysis;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Generator;

/// <summary>
/// User-like sources (Corpus/*.cs.txt), each built as a user project would be: the generator never breaks the
/// build (no CS8785, no error in a generated file, no exception), reports exactly the ACTGEN diagnostics the file
/// expects at the user's code, and, where the file says it builds, every generated activation computes the right
/// derivative, kernels and tensor functions whatever its names.
/// </summary>
public class CorpusTests
{
    private static readonly string Directory = Path.Combine(Repository.File("ActGen.Tests"), "Generator", "Corpus");

    public static TheoryData<string> Files =>
        new(System.IO.Directory.GetFiles(Directory, "*.cs.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void TheCorpusHasAtLeastThirtyCases() => Assert.True(System.IO.Directory.GetFiles(Directory, "*.cs.txt").Length >= 30);

    [Theory]
    [MemberData(nameof(Files))]
    public void EachCaseBuildsAsItSays(string file)
    {
        var source = File.ReadAllText(Path.Combine(Directory, file));
        var expectations = source.Split('\n')
            .Where(l => l.StartsWith("// expect: ", StringComparison.Ordinal))
            .Select(l => l["// expect: ".Length..].Trim())
            .ToList();
        var run = GeneratorHarness.Generate(source);

        Assert.Null(run.Result.Exception);
        var generated = run.Result.GeneratedSources.Select(s => s.SyntaxTree.FilePath).ToHashSet();
        var errors = run.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Id == "CS8785");
        // Nothing at all in generated files, warnings included: users build with documentation and warnings as errors.
        Assert.DoesNotContain(
            run.CompileDiagnostics,
            d => d.Severity >= DiagnosticSeverity.Warning && generated.Contains(d.Location.GetLineSpan().Path));
        Assert.Empty(errors);

        var expected = expectations.Where(e => e != "builds").Order(StringComparer.Ordinal).ToList();
        var actual = run.GeneratorDiagnostics.Select(d => $"{d.Id} '{Flagged(run, d)}'").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        Assert.All(
            run.GeneratorDiagnostics,
            d => Assert.False(generated.Contains(d.Location.GetLineSpan().Path), $"{d.Id} is located in generated code"));

        if (expectations.Contains("builds"))
        {
            var assembly = GeneratorHarness.Load(run);
            var definitions = Definitions(assembly).ToList();
            Assert.NotEmpty(definitions);
            Assert.All(definitions, d => Assert.NotNull(assembly.GetType(d.Owner)));
            Assert.All(definitions.Where(d => Twin(d, definitions) is null), CheckNumbers);
            Assert.All(definitions.Where(d => Twin(d, definitions) is not null), d => CheckAgainst(d, Twin(d, definitions)!));
        }
    }

    private static string Flagged(GeneratorHarness.Run run, Diagnostic diagnostic)
    {
        var tree = run.Output.SyntaxTrees.Single(t => t.FilePath == diagnostic.Location.GetLineSpan().Path);
        return tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }

    private static IEnumerable<ActivationDefinition> Definitions(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(ActivationDefinition))
            .Select(f => (ActivationDefinition)f.GetValue(null)!);

    /// <summary>An activation written with MathF has its double twin "{Name}InDouble" as the reference.</summary>
    private static ActivationDefinition? Twin(ActivationDefinition d, IReadOnlyList<ActivationDefinition> all) =>
        all.FirstOrDefault(o => o.Name == d.Name + "InDouble");

    /// <summary>The same function computed in double: derivatives and kernels equal the twin's.</summary>
    private static void CheckAgainst(ActivationDefinition d, ActivationDefinition twin)
    {
        foreach (var x in Points)
        {
            Assert.Equal(twin.Derivative(x, twin.Defaults), d.Derivative(x, d.Defaults), 1e-15);
        }

        var (output, expected) = (new double[Points.Length], new double[Points.Length]);
        d.Double.Forward(Points, output, d.Defaults);
        twin.Double.Forward(Points, expected, twin.Defaults);
        Assert.Equal(expected, output);
    }

    private static readonly double[] Points = [-2.3, -0.7, -0.15, 0.35, 1.3, 2.9];

    /// <summary>The derivative against finite differences, the kernels against the scalar forms, the tensor path against both.</summary>
    private static void CheckNumbers(ActivationDefinition d)
    {
        var p = d.Defaults;
        double F(double x) => d.Function(x, p);
        foreach (var x in Points)
        {
            var numeric = (F(x + 1e-6) - F(x - 1e-6)) / 2e-6;
            Assert.True(
                Math.Abs(numeric - d.Derivative(x, p)) <= 1e-5 * (1 + Math.Abs(numeric)),
                $"{d.Name}'({x}) = {d.Derivative(x, p)}, finite differences {numeric}");
        }

        var values = Points.Select(F).ToArray();
        var output = new double[Points.Length];
        d.Double.Forward(Points, output, p);
        Assert.All(Points.Select((_, i) => i), i => Assert.Equal(values[i], output[i], 1e-13 * (1 + Math.Abs(values[i]))));

        var gradOutput = Points.Select((_, i) => 0.25 + i).ToArray();
        var gradInput = new double[Points.Length];
        d.Double.Backward(d.BackwardFromOutput ? values : Points, gradOutput, gradInput, p);
        for (var i = 0; i < Points.Length; i++)
        {
            var exact = gradOutput[i] * d.Derivative(Points[i], p);
            Assert.Equal(exact, gradInput[i], 1e-12 * (1 + Math.Abs(exact)));
        }

        CheckTensorPath(d);
    }

    /// <summary>
    /// A transposed input takes the TorchScript program: its names must compile and compute the same. Learnable
    /// parameters start as float32 Parameters (as in PyTorch), so the reference uses their float32 values.
    /// </summary>
    private static void CheckTensorPath(ActivationDefinition d)
    {
        var p = d.Parameters.Select(q => q.Role == ParameterRole.Learnable ? (double)(float)q.Default : q.Default).ToArray();
        ActGen.TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var module = d.CreateModule!();
        module.eval();
        module.to(float64);
        var x = tensor(Points.Concat(Points.Select(v => v / 2)).ToArray(), float64).reshape(2, Points.Length).t().requires_grad_(true);
        Assert.False(x.is_contiguous());
        var y = module.call(x);
        y.sum().backward();
        var expected = Points.Concat(Points.Select(v => v / 2)).ToArray();
        for (var i = 0; i < Points.Length; i++)
        {
            var (value, slope) = (d.Function(Points[i], p), d.Derivative(expected[i + Points.Length], p));
            Assert.Equal(value, y[i, 0].item<double>(), 1e-12 * (1 + Math.Abs(value)));
            Assert.Equal(slope, x.grad![i, 1].item<double>(), 1e-9 * (1 + Math.Abs(slope)));
        }
    }
}
