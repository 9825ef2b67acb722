using System;
using System.Linq;
using System.Reflection;
using ActGen.Generator.Emit;
using ActGen.Generator.Ir;
using ActGen.Tests.Support;
using CsCheck;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ActGen.Generator.Tests.Generator;

/// <summary>
/// Random activations, written as C# source, go through the real generator and compiler; the generated
/// derivative must match finite differences and the generated kernels must match the user's own method.
/// </summary>
public class CompiledActivationPropertyTests
{
    private const int Count = 40;

    private static readonly Lazy<(Expr[] Bodies, Type Owner)> Compiled = new(() =>
    {
        var (bodies, source) = RandomActivations.Make("Random", Count, "0N0XIzNsQ0O2");
        var run = GeneratorHarness.Generate(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var assembly = GeneratorHarness.Load(run);
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        return (bodies, assembly.GetType("Random.Acts")!);
    });

    private static ActivationDefinition Definition(int i) =>
        ActivationRegistry.All.Single(d => d.Owner == "Random.Acts" && d.Name == $"F{i}");

    [Fact]
    public void GeneratedCodeCompilesWithoutWarnings() => Assert.NotNull(Compiled.Value.Owner);

    [Fact]
    public void GeneratedDerivativesMatchFiniteDifferences()
    {
        _ = Compiled.Value;
        var points = Enumerable.Range(-60, 121).Select(i => i / 20.0 + 0.0031415).ToArray();
        for (var i = 0; i < Count; i++)
        {
            var definition = Definition(i);
            foreach (var x in points)
            {
                var value = definition.Apply(x);
                if (!double.IsFinite(value) || Math.Abs(value) > 1e6 || FiniteDifference.Trusted(definition.Apply, x) is not { } fd)
                {
                    continue;
                }

                var exact = definition.ApplyDerivative(x);
                Assert.True(
                    Math.Abs(exact - fd) <= 2e-4 * Math.Max(1, Math.Abs(fd)),
                    $"F{i}'({x}) = {exact}, finite differences {fd}: {Compiled.Value.Bodies[i]}");
            }
        }
    }

    [Fact]
    public void GeneratedKernelsEqualTheUsersMethod()
    {
        _ = Compiled.Value;
        var input = Enumerable.Range(-300, 601).Select(i => i / 50.0 + 0.0031415).ToArray();
        var gradOutput = input.Select(Math.Sin).ToArray();
        for (var i = 0; i < Count; i++)
        {
            var definition = Definition(i);
            var output = new double[input.Length];
            var gradInput = new double[input.Length];
            definition.Double.Forward(input, output, definition.Defaults);
            definition.Double.Backward(definition.BackwardFromOutput ? output : input, gradOutput, gradInput, definition.Defaults);
            for (var k = 0; k < input.Length; k++)
            {
                var expected = definition.Apply(input[k]);
                var expectedGrad = gradOutput[k] * definition.ApplyDerivative(input[k]);
                if (double.IsFinite(expected) && Math.Abs(expected) < 1e6)
                {
                    Assert.True(
                        Math.Abs(expected - output[k]) <= 1e-9 * Math.Max(1, Math.Abs(expected)),
                        $"F{i}({input[k]}): {expected} vs kernel {output[k]}");
                }

                if (double.IsFinite(expectedGrad) && Math.Abs(expectedGrad) < 1e6)
                {
                    Assert.True(
                        Math.Abs(expectedGrad - gradInput[k]) <= 1e-9 * Math.Max(1, Math.Abs(expectedGrad)),
                        $"F{i}' at {input[k]}: {expectedGrad} vs kernel {gradInput[k]}");
                }
            }
        }
    }
}
