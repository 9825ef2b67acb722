using System.Linq;
using ActGen.Generator.Emit;
using ActGen.Generator.Ir;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ActGen.Tests.Support;

/// <summary>
/// IR bodies written as user source (<c>{Namespace}.Acts.F0…</c>, one input x), run through the real generator and
/// compiler and loaded: their definitions give the generated double and float kernels.
/// </summary>
internal static class CompiledBodies
{
    public static ActivationDefinition[] Compile(string @namespace, Expr[] bodies)
    {
        var methods = bodies.Select((body, i) =>
            $"    [Activation] public static double F{i}(double x) => {ScalarEmitter.Emit(body, NumericType.Double, n => n)};");
        var source = $$"""
            using System;
            using ActGen;
            namespace {{@namespace}};
            public static partial class Acts
            {
            {{string.Join("\n", methods)}}
            }
            """;
        var run = GeneratorHarness.Generate(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var assembly = GeneratorHarness.Load(run);
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        var owner = $"{@namespace}.Acts";
        return bodies.Select((_, i) => ActivationRegistry.All.Single(d => d.Owner == owner && d.Name == $"F{i}")).ToArray();
    }

    public static float[] ForwardSingle(ActivationDefinition d, float[] input)
    {
        var output = new float[input.Length];
        d.Single.Forward(input, output, d.Defaults);
        return output;
    }

    public static double[] ForwardDouble(ActivationDefinition d, double[] input)
    {
        var output = new double[input.Length];
        d.Double.Forward(input, output, d.Defaults);
        return output;
    }

    /// <summary>f′ from the backward kernel (incoming gradient 1), reading y where the kernel reads the output.</summary>
    public static float[] DerivativeSingle(ActivationDefinition d, float[] input)
    {
        var gradInput = new float[input.Length];
        var read = d.BackwardFromOutput ? ForwardSingle(d, input) : input;
        d.Single.Backward(read, Enumerable.Repeat(1f, input.Length).ToArray(), gradInput, d.Defaults);
        return gradInput;
    }

    /// <inheritdoc cref="DerivativeSingle"/>
    public static double[] DerivativeDouble(ActivationDefinition d, double[] input)
    {
        var gradInput = new double[input.Length];
        var read = d.BackwardFromOutput ? ForwardDouble(d, input) : input;
        d.Double.Backward(read, Enumerable.Repeat(1.0, input.Length).ToArray(), gradInput, d.Defaults);
        return gradInput;
    }
}
