using System;
using System.IO;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Emit;
using ActGen.Generator.Ir;
using ActGen.Tests.Support;
using Xunit;

namespace ActGen.Generator.Tests.Generator;

/// <summary>
/// The table of primitives is the one place a function is described: every operator of the IR has exactly one entry,
/// every back end can spell it, its derivative rule agrees with finite differences, and README lists it.
/// </summary>
public class PrimitiveTableTests
{
    private static readonly UnaryOp[] Functions = Enum.GetValues<UnaryOp>().Where(op => op != UnaryOp.Neg).ToArray();

    /// <summary>
    /// Functions kernels compute in the scalar loop: a new primitive without a vector form must be listed here on purpose.
    /// </summary>
    private static readonly UnaryOp[] ScalarOnly =
    [
        UnaryOp.Cbrt, UnaryOp.Sinh, UnaryOp.Cosh, UnaryOp.Sin, UnaryOp.Cos, UnaryOp.Tan, UnaryOp.Atan,
        UnaryOp.Asinh, UnaryOp.Acosh, UnaryOp.Atanh,
    ];

    /// <summary>Functions whose TorchScript form NNC does not fuse (its set has no asinh, acosh, atanh): listed on purpose.</summary>
    private static readonly UnaryOp[] NotFusedByNnc = [UnaryOp.Asinh, UnaryOp.Acosh, UnaryOp.Atanh];

    public static TheoryData<string> Ops => new(Functions.Select(op => op.ToString()));

    [Fact]
    public void EveryFunctionHasExactlyOneEntry() =>
        Assert.Equal(Functions.Order(), Primitives.All.Select(p => p.Op).Order());

    [Theory]
    [MemberData(nameof(Ops))]
    public void EveryBackEndSpellsIt(string name)
    {
        var p = Primitives.Of(Enum.Parse<UnaryOp>(name));
        Assert.True(p.MathName is not null || p.MathXName is not null, "users cannot call it");
        var call = new Unary(p.Op, new Ref("x"));
        Assert.Contains("(x)", ScalarEmitter.Emit(call, NumericType.Double, n => n));
        Assert.Contains("(x)", ScalarEmitter.Emit(call, NumericType.Float, n => n));
        Assert.StartsWith("torch.", TorchScriptEmitter.Emit(call, n => n, _ => true, "x").Text.TrimStart('('));
        Assert.Equal(!ScalarOnly.Contains(p.Op), Render.HasVectorForm(call));
        if (p.Vector is not null)
        {
            Assert.Contains("(x)", VectorEmitter.Emit(call, NumericType.Float, n => n));
        }
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void ItsTorchScriptIsFusedByNnc(string name)
    {
        var op = Enum.Parse<UnaryOp>(name);
        var text = TorchScriptEmitter.Emit(new Unary(op, new Ref("x")), n => n, _ => true, "x").Text;
        Assert.Equal(!NotFusedByNnc.Contains(op), NncFusable.NonFusable(text).Count == 0);
    }

    [Fact]
    public void TheFusabilityCheckNamesWhatNncDoesNotFuse()
    {
        const string program = """
            def forward(x, a: float):
                t0 = torch.full_like(x, a)
                return torch.where((x > 0.0), torch.sign(x), torch.logaddexp(x, t0)) + x.item() + call_0(x, max(a, 1.0))
            """;
        Assert.Equal(["torch.full_like", "torch.sign", "torch.logaddexp", "x.item"], NncFusable.NonFusable(program));
        Assert.Empty(NncFusable.NonFusable("def f(x):\n    return torch.where((x != x), x, (torch.max(x, (x ** 2.0)) * float('inf')))"));
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void ItsDerivativeRuleAgreesWithFiniteDifferences(string name)
    {
        var op = Enum.Parse<UnaryOp>(name);
        // Inside every function's domain and away from the steps of the rounding functions.
        var points = op switch
        {
            UnaryOp.Acosh => new[] { 1.2, 2.5, 7.0 },
            UnaryOp.Atanh => [-0.6, 0.1, 0.8],
            UnaryOp.Log or UnaryOp.Log10 or UnaryOp.Sqrt => [0.3, 1.7, 5.0],
            UnaryOp.Log1p => [-0.5, 0.4, 3.0],
            _ => [-1.3, 0.37, 2.2],
        };
        var f = new Unary(op, new Ref("x"));
        var derivative = Simplifier.Simplify(Differentiation.Differentiate(f, "x"));
        foreach (var x in points)
        {
            var numeric = (Evaluator.Eval(f, x + 1e-6) - Evaluator.Eval(f, x - 1e-6)) / 2e-6;
            Assert.Equal(numeric, Evaluator.Eval(derivative, x), 1e-6 * (1 + Math.Abs(numeric)));
        }
    }

    [Fact]
    public void ReadmeListsEveryFunctionUsersCanCall()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        Assert.All(Primitives.All, p => Assert.Contains(p.MathName ?? p.MathXName!, readme));
    }
}
