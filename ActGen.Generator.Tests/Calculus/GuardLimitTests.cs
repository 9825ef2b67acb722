using System;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Ir;
using ActGen.Tests.Support;
using Xunit;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Tests.Calculus;

/// <summary>
/// At an equality guard <c>v == c ? g : h</c> the derivative with respect to v is the limit of ∂h/∂v (a removable
/// singularity), checked against finite differences of f across the guard and against the series by hand.
/// </summary>
public class GuardLimitTests
{
    private static readonly Expr X = new Ref("x");
    private static readonly Expr A = new Ref("a");
    private static readonly double[] Xs = [-2.3, -0.7, -0.15, 0.35, 1.3, 2.9];

    private static Expr Eq(Expr l, Expr r) => new Compare(CompareOp.Equal, l, r);

    private static Expr Exp(Expr u) => Call(UnaryOp.Exp, u);

    private static Expr Log(Expr u) => Call(UnaryOp.Log, u);

    /// <summary>Soft exponential (Godfrey &amp; Gashler 2015) as the issue writes it, and with the guard innermost.</summary>
    public static readonly TheoryData<string> SoftExponentials = new() { "guard-first", "guard-inside" };

    private static Expr SoftExponential(string spelling)
    {
        var negative = Neg(Div(Log(Sub(One, Mul(A, Add(X, A)))), A));
        var positive = Add(Div(Sub(Exp(Mul(A, X)), One), A), A);
        return spelling == "guard-first"
            ? Select(Eq(A, Zero), X, Select(Lt(A, Zero), negative, positive))
            : Select(Lt(A, Zero), negative, Select(Eq(Zero, A), X, positive));
    }

    private static double At(Expr e, double x, double a) => Evaluator.Eval(e, x, ("a", a));

    /// <summary>A difference quotient with error c·h + O(h²), extrapolated to h = 0.</summary>
    private static double Richardson(Func<double, double> quotient) => 2 * quotient(5e-5) - quotient(1e-4);

    private static Expr D(Expr f, string wrt) => Simplifier.Simplify(Differentiation.Differentiate(Simplifier.Simplify(f), wrt));

    [Theory]
    [MemberData(nameof(SoftExponentials))]
    public void SoftExponentialsAlphaDerivativeAtZeroIsTheLimit(string spelling)
    {
        var f = SoftExponential(spelling);
        var dA = D(f, "a");
        foreach (var x in Xs)
        {
            var limit = x * x / 2 + 1;
            Assert.Equal(limit, At(dA, x, 0), 1e-14);
            // Central differences straddle the guard, so they see both branches and not the guard itself. f is C¹ but not
            // C² there (the branches' second derivatives differ), so their error is O(h): Richardson's step removes it.
            Assert.Equal(limit, Richardson(h => FiniteDifference.Central(a => At(f, x, a), 0, h)), 1e-6);
            Assert.Equal(limit, Richardson(h => (At(f, x, h) - At(f, x, 0)) / h), 1e-6);
            Assert.Equal(limit, Richardson(h => (At(f, x, 0) - At(f, x, -h)) / h), 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(SoftExponentials))]
    public void SoftExponentialsDerivativesAwayFromTheGuardAndInXAreUnchanged(string spelling)
    {
        var f = SoftExponential(spelling);
        var (dA, dX) = (D(f, "a"), D(f, "x"));
        foreach (var x in Xs)
        {
            Assert.Equal(1.0, At(dX, x, 0)); // f = x where α = 0: d/dx of the guarded branch is right
            foreach (var a in new[] { -0.1, -1e-3, 1e-3, 0.3 }) // inside α < 0's domain, 1 − α(x + α) > 0
            {
                var fdA = FiniteDifference.Trusted(v => At(f, x, v), a);
                var fdX = FiniteDifference.Trusted(v => At(f, v, a), x);
                Assert.NotNull(fdA);
                Assert.NotNull(fdX);
                Assert.Equal(fdA.Value, At(dA, x, a), 1e-6 * (1 + Math.Abs(fdA.Value)));
                Assert.Equal(fdX.Value, At(dX, x, a), 1e-6 * (1 + Math.Abs(fdX.Value)));
            }
        }
    }

    /// <summary>Removable singularities, their guarded value, the variable guarded and ∂f/∂v at the guard by hand.</summary>
    public static readonly TheoryData<string> Forms = new()
    {
        "expm1-over-a", "box-cox", "one-minus-cos", "a-not-equal", "sinc", "expm1-over-x", "difference-quotient", "tanh-ratio",
    };

    private static (Expr F, string Variable, double Center, Func<double, double, double> Expected) Form(string name) => name switch
    {
        // (e^{ax} − 1)/a → x; ∂/∂a at 0 is x²/2
        "expm1-over-a" => (Select(Eq(A, Zero), X, Div(Sub(Exp(Mul(A, X)), One), A)), "a", 0, (x, _) => x * x / 2),
        // Box–Cox: (x^a − 1)/a → ln x; ∂/∂a at 0 is (ln x)²/2
        "box-cox" => (Select(Eq(A, Zero), Log(X), Div(Sub(Pow(X, A), One), A)), "a", 0, (x, _) => Math.Log(x) * Math.Log(x) / 2),
        // (1 − cos(ax))/a → 0; ∂/∂a at 0 is x²/2
        "one-minus-cos" => (Select(Eq(A, Zero), Zero, Div(Sub(One, Call(UnaryOp.Cos, Mul(A, X))), A)), "a", 0, (x, _) => x * x / 2),
        // the guard spelled with != and the branches the other way round
        "a-not-equal" => (Select(new Compare(CompareOp.NotEqual, A, Zero), Div(Sub(Exp(Mul(A, X)), One), A), X), "a", 0,
            (x, _) => x * x / 2),
        // sinc: sin x / x → 1; its slope at 0 is 0 (a guard on the input)
        "sinc" => (Select(Eq(X, Zero), One, Div(Call(UnaryOp.Sin, X), X)), "x", 0, (_, _) => 0),
        // (eˣ − 1)/x → 1; slope 1/2 at 0, where the guarded constant says 0
        "expm1-over-x" => (Select(Eq(X, Zero), One, Div(Sub(Exp(X), One), X)), "x", 0, (_, _) => 0.5),
        // (e^a − e^{0.7})/(a − 0.7) guarded at a = 0.7: the slope is e^{0.7}/2, free of x
        "difference-quotient" => (Select(Eq(A, N(0.7)), Exp(N(0.7)), Mul(X, Div(Sub(Exp(A), Exp(N(0.7))), Sub(A, N(0.7))))), "a", 0.7,
            (x, _) => x * Math.Exp(0.7) / 2),
        // tanh(ax)/a → x − a²x³/3: slope 0 at a = 0 (two vanishing orders to cancel)
        "tanh-ratio" => (Select(Eq(A, Zero), X, Div(Call(UnaryOp.Tanh, Mul(A, X)), A)), "a", 0, (_, _) => 0),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void DerivativeAtTheGuardIsTheLimit(string name)
    {
        var (f, v, center, expected) = Form(name);
        var d = D(f, v);
        Assert.Empty(GuardLimits.Unresolved(Simplifier.Simplify(f), [v]));
        foreach (var x in Xs.Where(x => name != "box-cox" || x > 0).Concat([0.8]))
        {
            var (xs, a) = v == "x" ? (center, x) : (x, center);
            Assert.Equal(expected(xs, a), At(d, xs, a), 1e-12);
            // and finite differences of f across the guard agree (the guarded point itself is never sampled)
            Func<double, double> along = v == "x" ? t => At(f, t, a) : t => At(f, xs, t);
            Assert.Equal(expected(xs, a), FiniteDifference.Central(along, center, 1e-4), 1e-6);
            // away from the guard nothing changes
            var off = center + 0.31;
            Func<double, double> alongOff = v == "x" ? t => At(f, t, a) : t => At(f, xs, t);
            var fd = FiniteDifference.Trusted(alongOff, off)!.Value;
            Assert.Equal(fd, v == "x" ? At(d, off, a) : At(d, xs, off), 1e-6 * (1 + Math.Abs(fd)));
        }
    }

    public static readonly TheoryData<string, string> Unresolvable = new()
    {
        { "pole", "pole" },
        { "kink", "differ" },
        { "log", "not" },
    };

    /// <summary>Where there is no limit the guarded branch's derivative stays, and the reason is reported.</summary>
    [Theory]
    [MemberData(nameof(Unresolvable))]
    public void WithoutALimitTheGuardedBranchsDerivativeStays(string name, string reason)
    {
        var f = name switch
        {
            "pole" => Select(Eq(A, Zero), Zero, Div(X, A)),
            "kink" => Select(Eq(A, Zero), Zero, Mul(Call(UnaryOp.Abs, A), X)),
            _ => Select(Eq(A, Zero), Zero, Mul(Log(Mul(A, A)), X)),
        };
        var unresolved = Assert.Single(GuardLimits.Unresolved(Simplifier.Simplify(f), ["a", "x"]));
        Assert.Equal("a", unresolved.Variable);
        Assert.Contains(reason, unresolved.Reason);
        Assert.Equal(0.0, At(D(f, "a"), 1.3, 0));
    }

    [Fact]
    public void AGuardOnAnotherVariableIsLeftAlone()
    {
        // the guard is on a: where it holds f is x, so with respect to x the guarded branch's derivative (1) is right
        var f = Select(Eq(A, Zero), X, Div(Sub(Exp(Mul(A, X)), One), A));
        Assert.Empty(GuardLimits.Unresolved(Simplifier.Simplify(f), ["x"]));
        Assert.Equal(One, Assert.IsType<If>(D(f, "x")).Then);
    }
}
