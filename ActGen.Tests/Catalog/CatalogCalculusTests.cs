using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Tests.Support;
using Xunit;

namespace ActGen.Tests.Catalog;

/// <summary>The catalog's generated derivatives and kernels, checked numerically against the activations themselves.</summary>
public class CatalogCalculusTests
{
    public static readonly string[] Names = CatalogNames.All;

    public static TheoryData<string> Catalog => [.. Names];

    private static ActivationDefinition Get(string name)
    {
        ActivationRegistry.EnsureCatalog();
        return ActivationRegistry.Get(name);
    }

    /// <summary>A dense grid of [−12, 12] plus extremes, off the kinks' exact points by an irrational shift.</summary>
    private static readonly double[] Grid = Enumerable.Range(-1200, 2401).Select(i => i / 100.0 + 0.0012345)
        .Concat([-1e4, -800, -100, -40, 40, 100, 800, 1e4, 0])
        .ToArray();

    [Fact]
    public void TheRegistryHoldsTheWholeCatalog() =>
        Assert.Equal(Names.OrderBy(n => n, StringComparer.Ordinal), Get("relu") is not null
            ? ActivationRegistry.All.Where(d => d.Owner == "ActGen.Activations").Select(d => d.Name).OrderBy(n => n, StringComparer.Ordinal)
            : []);

    [Theory]
    [MemberData(nameof(Catalog))]
    public void DerivativeMatchesFiniteDifferencesOnMinusSixToSix(string name)
    {
        var activation = Get(name);
        var checkedPoints = 0;
        foreach (var x in Enumerable.Range(-600, 1201).Select(i => i / 100.0 + 0.0012345))
        {
            if (FiniteDifference.Trusted(activation.Apply, x) is not { } fd)
            {
                continue;
            }

            checkedPoints++;
            Assert.True(Math.Abs(activation.ApplyDerivative(x) - fd) <= 1e-6 * Math.Max(1, Math.Abs(fd)),
                $"{name}'({x}) = {activation.ApplyDerivative(x)}, finite differences give {fd}");
        }

        Assert.True(checkedPoints > 1150, $"only {checkedPoints} points were smooth enough to check");
    }

    [Theory]
    [MemberData(nameof(Catalog))]
    public void ValuesAndDerivativesAreFiniteEverywhereOnTheGrid(string name)
    {
        var activation = Get(name);
        Assert.All(Grid, x =>
        {
            Assert.True(double.IsFinite(activation.Apply(x)), $"{name}({x}) is not finite");
            Assert.True(double.IsFinite(activation.ApplyDerivative(x)), $"{name}'({x}) is not finite");
        });
    }

    [Theory]
    [MemberData(nameof(Catalog))]
    public void DoubleKernelsEqualTheScalarForms(string name)
    {
        var activation = Get(name);
        var parameters = activation.Defaults;
        var gradOutput = Grid.Select((_, i) => Math.Cos(i)).ToArray();
        var output = new double[Grid.Length];
        var gradInput = new double[Grid.Length];
        activation.Double.Forward(Grid, output, parameters);
        activation.Double.Backward(activation.BackwardFromOutput ? output : Grid, gradOutput, gradInput, parameters);
        for (var i = 0; i < Grid.Length; i++)
        {
            AssertClose(activation.Apply(Grid[i]), output[i], 1e-13, $"{name}({Grid[i]})");
            AssertClose(gradOutput[i] * activation.ApplyDerivative(Grid[i]), gradInput[i], 1e-13, $"{name}'({Grid[i]})");
        }
    }

    [Theory]
    [MemberData(nameof(Catalog))]
    public void FloatKernelsMatchTheScalarFormsWithinFloatPrecision(string name)
    {
        var activation = Get(name);
        var parameters = activation.Defaults;
        var input = Grid.Select(x => (float)x).ToArray();
        var gradOutput = input.Select((_, i) => (float)Math.Cos(i)).ToArray();
        var output = new float[input.Length];
        var gradInput = new float[input.Length];
        activation.Single.Forward(input, output, parameters);
        activation.Single.Backward(activation.BackwardFromOutput ? output : input, gradOutput, gradInput, parameters);
        for (var i = 0; i < input.Length; i++)
        {
            AssertClose(activation.Apply(input[i]), output[i], 2e-6, $"{name}({input[i]})");
            AssertClose(gradOutput[i] * activation.ApplyDerivative(input[i]), gradInput[i], 2e-6, $"{name}'({input[i]})");
        }
    }

    [Fact]
    public void KernelsRejectSpansOfDifferentLengths() =>
        Assert.Throws<ArgumentException>(() => Get("Relu").Double.Forward(new double[4], new double[3], []));

    private static void AssertClose(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)),
            $"{what}: expected {expected:R}, got {actual:R}");
}
