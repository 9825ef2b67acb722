using System;
using System.Collections.Generic;
using System.Numerics;
using CsCheck;
using Xunit;

namespace ActGen.Tests.MathXTests;

/// <summary>Every lane of each Vector&lt;T&gt; function against its scalar counterpart, on random lane mixes.</summary>
public class MathXVectorTests
{
    private const double DoubleLaneTolerance = 1e-14; // measured worst ≈ 1.5e-15
    private const long FloatLaneUlps = 4;            // measured worst ≈ 3.4 ulp from the true value

    public static TheoryData<string> Names => new() { "Exp", "Erf", "Expm1", "Log1p", "Sigmoid", "Softplus", "Tanh" };

    private static (Func<Vector<double>, Vector<double>> Vector, Func<double, double> Scalar) Double(string name) => name switch
    {
        "Exp" => (MathX.Exp, Math.Exp),
        "Erf" => (MathX.Erf, MathX.Erf),
        "Expm1" => (MathX.Expm1, MathX.Expm1),
        "Log1p" => (MathX.Log1p, MathX.Log1p),
        "Sigmoid" => (MathX.Sigmoid, MathX.Sigmoid),
        "Softplus" => (MathX.Softplus, MathX.Softplus),
        "Tanh" => (MathX.Tanh, Math.Tanh),
        _ => throw new ArgumentException(name),
    };

    // Float scalars are correctly rounded doubles; tanh's reference is Math.Tanh rounded (MathF.Tanh is itself ~2 ulp off).
    private static (Func<Vector<float>, Vector<float>> Vector, Func<float, float> Scalar) Float(string name) => name switch
    {
        "Exp" => (MathX.Exp, x => (float)Math.Exp(x)),
        "Erf" => (MathX.Erf, MathX.Erf),
        "Expm1" => (MathX.Expm1, MathX.Expm1),
        "Log1p" => (MathX.Log1p, MathX.Log1p),
        "Sigmoid" => (MathX.Sigmoid, MathX.Sigmoid),
        "Softplus" => (MathX.Softplus, MathX.Softplus),
        "Tanh" => (MathX.Tanh, x => (float)Math.Tanh(x)),
        _ => throw new ArgumentException(name),
    };

    private static Gen<double> DoubleInputs(string name) => Gen.OneOf(
        name == "Log1p" ? Gen.Double[-0.9999, 50] : Gen.Double[-50, 50],
        Gen.Double[-1e-3, 1e-3],
        Gen.Double[-2, 2]);

    private static Gen<float> FloatInputs(string name) => Gen.OneOf(
        name == "Log1p" ? Gen.Float[-0.999f, 50] : Gen.Float[-50, 50],
        Gen.Float[-1e-3f, 1e-3f],
        Gen.Float[-2, 2]);

    [Theory, MemberData(nameof(Names))]
    public void DoubleLanesMatchTheScalar(string name)
    {
        var (vector, scalar) = Double(name);
        DoubleInputs(name).Array[Vector<double>.Count].Sample(xs =>
        {
            var v = vector(new Vector<double>(xs));
            for (int i = 0; i < xs.Length; i++)
                Ulps.Close(scalar(xs[i]), v[i], DoubleLaneTolerance, $"{name}({xs[i]:R}) lane {i}");
        }, iter: 20_000);
    }

    [Theory, MemberData(nameof(Names))]
    public void FloatLanesMatchTheScalar(string name)
    {
        var (vector, scalar) = Float(name);
        FloatInputs(name).Array[Vector<float>.Count].Sample(xs =>
        {
            var v = vector(new Vector<float>(xs));
            for (int i = 0; i < xs.Length; i++)
            {
                Ulps.Close(scalar(xs[i]), v[i], FloatLaneUlps, $"{name}({xs[i]:R}f) lane {i}");
                // Subnormal results carry fewer digits (one step there can be more than 1e-6 relative): ulps only.
                if (Math.Abs(scalar(xs[i])) >= 1.17549435e-38f) // the smallest normal float
                    Ulps.Close(scalar(xs[i]), v[i], 1e-6, $"{name}({xs[i]:R}f) lane {i}");
            }
        }, iter: 20_000);
    }

    public static IEnumerable<double> EdgeValues =>
    [
        0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e4, -1e4, 800, -800,
        709.9, -745.5, 100, -100, 40, -40, 20, -20, 6, -6, 2.5, -2.5, 2.0, -2.0, 1.0, -1.0, 0.5, -0.5,
        0.49999999999999994, -0.9999999, 1e-8, -1e-8, 1e-300, -1e-300, 1e-310, -1e-310, double.Epsilon,
        -double.Epsilon, double.MaxValue, -double.MaxValue, 88.8, -103.5, 1e-40, -1e-40, 3.9, 4.1,
    ];

    [Theory, MemberData(nameof(Names))]
    public void DoubleEdgeLanesMatchTheScalar(string name)
    {
        var (vector, scalar) = Double(name);
        foreach (var x in EdgeValues)
            foreach (var lanes in MixedLanes(x, Vector<double>.Count))
            {
                var v = vector(new Vector<double>(lanes));
                double expected = scalar(x), actual = v[0];
                Assert.True(double.IsNaN(expected) == double.IsNaN(actual), $"{name}({x:R}): {actual:R} vs {expected:R}");
                if (Math.Abs(expected) < 1e-300) // subnormal results: absolute
                    Assert.True(Math.Abs(actual - expected) <= 1e-320 && double.IsNegative(actual) == double.IsNegative(expected), $"{name}({x:R}): {actual:R} vs {expected:R}");
                else
                    Ulps.Close(expected, actual, DoubleLaneTolerance, $"{name}({x:R}) beside {lanes[1]:R}");
            }
    }

    [Theory, MemberData(nameof(Names))]
    public void FloatEdgeLanesMatchTheScalar(string name)
    {
        var (vector, scalar) = Float(name);
        foreach (var xd in EdgeValues)
        {
            float x = (float)xd;
            foreach (var lanes in MixedLanes(x, Vector<float>.Count))
            {
                var v = vector(new Vector<float>(lanes));
                float expected = scalar(x), actual = v[0];
                Assert.True(float.IsNaN(expected) == float.IsNaN(actual), $"{name}({x:R}f): {actual:R} vs {expected:R}");
                if (Math.Abs(expected) < 1e-37f)
                    Assert.True(Math.Abs(actual - expected) <= 1e-44f && float.IsNegative(actual) == float.IsNegative(expected), $"{name}({x:R}f): {actual:R} vs {expected:R}");
                else
                    Ulps.Close(expected, actual, FloatLaneUlps, $"{name}({x:R}f) beside {lanes[1]:R}");
            }
        }
    }

    /// <summary>x in lane 0 beside lanes that take the other branches (tiny, moderate, large, NaN), and x alone.</summary>
    private static IEnumerable<T[]> MixedLanes<T>(T x, int count) where T : IFloatingPointIeee754<T>
    {
        foreach (var other in new[] { x, T.CreateChecked(1e-5), T.CreateChecked(0.7), T.CreateChecked(3.0), T.CreateChecked(30.0), T.NaN })
        {
            var lanes = new T[count];
            Array.Fill(lanes, other);
            lanes[0] = x;
            yield return lanes;
        }
    }
}
