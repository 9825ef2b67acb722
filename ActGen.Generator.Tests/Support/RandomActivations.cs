using System.Linq;
using ActGen.Generator.Emit;
using ActGen.Generator.Ir;
using CsCheck;

namespace ActGen.Tests.Support;

/// <summary>
/// Random smooth activations as user source (class <c>{Namespace}.Acts</c>, methods F0…), shared by both test projects.
/// </summary>
internal static class RandomActivations
{
    public static (Expr[] Bodies, string Source) Make(string @namespace, int count, string seed)
    {
        var bodies = Gen.Select(ExprGen.Smooth(4), ExprGen.Smooth(3)).Array[count].Single(_ => true, seed: seed)
            .Select(pair => (Expr)new Binary(BinaryOp.Add, pair.Item1, E.Mul(E.N(0.25), pair.Item2)))
            .ToArray();
        var methods = bodies.Select((body, i) =>
            "    [Activation] public static double F"
            + $"{i}(double x, double a = 0.7) => {ScalarEmitter.Emit(body, NumericType.Double, n => n)};");
        var source = $$"""
            using System;
            using ActGen;
            namespace {{@namespace}};
            public static partial class Acts
            {
            {{string.Join("\n", methods)}}
            }
            """;
        return (bodies, source);
    }
}
