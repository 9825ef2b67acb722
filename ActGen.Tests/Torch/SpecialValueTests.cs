using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>
/// NaN, ±∞, ±0 and large and tiny inputs through every catalog activation against TorchSharp's own op, values and
/// gradients, float32 and float64. Where ActGen answers differently on purpose, <see cref="Differences"/> says so.
/// </summary>
public class SpecialValueTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in ParityCases.All)
        {
            data.Add(c.Name, "float64");
            data.Add(c.Name, "float32");
        }

        return data;
    }

    private static readonly double[] Values = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 1e-30, -1e-30, 20, -20, 88, -88, 800, -800];

    /// <summary>Where libtorch answers NaN at an infinite input and ActGen gives the limit (name, input, gradient?, ActGen's answer).</summary>
    private static readonly (string Name, double X, bool Gradient, double Ours)[] Limits =
    [
        ("HardSwish", double.NegativeInfinity, false, 0.0), // libtorch: −∞ · relu6(−∞ + 3) / 6 = −∞ · 0
        ("Mish", double.PositiveInfinity, true, 1.0), // libtorch's mish backward: ∞ · 0 inside
        ("Gelu", double.PositiveInfinity, false, double.PositiveInfinity), // libtorch's float32 gelu: ∞ · (1 + erf(∞)) / 2 in a form that gives NaN
    ];

    /// <summary>
    /// Known differences, each with its reason. The gradient at NaN: ActGen's is NaN (NaN in, NaN out), libtorch's
    /// piecewise backward passes the incoming gradient (ReLU family, ELU family, hard*) or its slope there. And the
    /// <see cref="Limits"/>, where libtorch's NaN is not the function's value.
    /// </summary>
    private static bool Differs(string name, double x, bool gradient, double ours, double theirs) =>
        (gradient && double.IsNaN(x) && double.IsNaN(ours) && !double.IsNaN(theirs))
        || (double.IsNaN(theirs) && Limits.Any(l => l.Name == name && l.X.Equals(x) && l.Gradient == gradient && l.Ours.Equals(ours)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void SpecialValuesGiveTorchsAnswer(string name, string dtype)
    {
        ActGen.TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var type = dtype == "float64" ? ScalarType.Float64 : ScalarType.Float32;
        var c = ParityCases.Get(name);
        (double[] Values, double[] Gradients) Run(Func<Tensor, Tensor> f)
        {
            var x = tensor(Values, type).requires_grad_(true);
            var y = f(x);
            y.backward([ones_like(y)]);
            return (y.to(ScalarType.Float64).data<double>().ToArray(), x.grad!.to(ScalarType.Float64).data<double>().ToArray());
        }

        var (ours, ourGradients) = Run(c.ActGen);
        var (theirs, theirGradients) = Run(c.Torch);
        var tolerance = type == ScalarType.Float64 ? 1e-12 : 1e-6;
        var mismatches = new List<string>();
        for (var i = 0; i < Values.Length; i++)
        {
            if (!Same(ours[i], theirs[i], tolerance) && !Differs(name, Values[i], false, ours[i], theirs[i]))
            {
                mismatches.Add($"f({Values[i]}) = {ours[i]}, torch {theirs[i]}");
            }

            if (!Same(ourGradients[i], theirGradients[i], Math.Max(tolerance, c.Float64Gradient)) && !Differs(name, Values[i], true, ourGradients[i], theirGradients[i]))
            {
                mismatches.Add($"f'({Values[i]}) = {ourGradients[i]}, torch {theirGradients[i]}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{name} ({dtype}): {string.Join("; ", mismatches)}");
    }

    private static bool Same(double a, double b, double tolerance) =>
        double.IsNaN(a) ? double.IsNaN(b)
        : double.IsInfinity(a) || double.IsInfinity(b) ? a.Equals(b)
        : Math.Abs(a - b) <= tolerance * (1 + Math.Abs(b));
}
