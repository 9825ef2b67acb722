using System;
using System.Linq;
using ActGen.Tests.Support;
using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>
/// The TorchScript forms written for NNC's sake compute what the managed kernels do: a select of two constants, a
/// condition on a hyper-parameter alone over tensor branches, a function of a hyper-parameter alone, a negated
/// comparison, sign (±0 kept, NaN kept), cbrt and a power — values and gradients in float64, and each program still
/// uses only ops NNC fuses, except the power whose exponent is a tensor (which it does not fuse: README says so).
/// </summary>
public class ScriptFormsTests
{
    private const string Source = """
        using System;
        using ActGen;
        namespace ScriptForms;
        public static partial class Acts
        {
            [Activation] public static double Step(double x) => x > 0 ? 1.0 : 2.0;
            [Activation] public static double ByHyper(double x, double a = 0.7) => a > 0.5 ? Math.Tanh(x) : x * x;
            [Activation] public static double OfHyper(double x, double a = 0.7) => Math.Exp(a) * x + Math.Sqrt(a);
            [Activation] public static double Negated(double x) => !(x > 1) ? x : 2 * x;
            [Activation] public static double Signs(double x) => Math.Sign(x) * (1 + x * x);
            [Activation] public static double Cube(double x) => Math.Cbrt(x) + x;
            [Activation] public static double PowerOfHyper(double x, double a = 0.7) => Math.Pow(1 + x * x, a);
            [Activation] public static double PowerOfX(double x) => Math.Pow(2, x);
        }
        """;

    private static readonly Lazy<Type> Acts = new(() =>
    {
        var run = GeneratorHarness.Generate(Source);
        Assert.Empty(run.GeneratorDiagnostics);
        return GeneratorHarness.Load(run).GetType("ScriptForms.Acts")!;
    });

    private static Func<Tensor, Tensor> Function(string name, double? a)
    {
        var method = a is null
            ? Acts.Value.GetMethod(name, [typeof(Tensor)])!
            : Acts.Value.GetMethod(name, [typeof(Tensor), typeof(double)])!;
        return t => (Tensor)method.Invoke(null, a is null ? [t] : [t, a.Value])!;
    }

    [Theory]
    [InlineData("Step", null)]
    [InlineData("ByHyper", 0.7)]
    [InlineData("ByHyper", 0.2)]
    [InlineData("OfHyper", 0.7)]
    [InlineData("Negated", null)]
    [InlineData("Signs", null)]
    [InlineData("Cube", null)]
    [InlineData("PowerOfHyper", 0.7)]
    [InlineData("PowerOfX", null)]
    public void TheScriptPathEqualsTheManagedKernels(string name, double? a)
    {
        ActGen.TorchSetup.EnsureLoaded();
        var f = Function(name, a);
        var x = cat([TorchCheck.Points(ScalarType.Float64, [0.5, 1.0]), tensor(new[] { double.NaN, 1e-30, -1e-30 })], 0);
        var g = TorchCheck.RandomGradient(x);
        var (y, gx) = TorchCheck.Run(f, x, g);
        Tensor ys, gxs;
        using (KernelPathSetting.Use(KernelPath.Script))
        {
            (ys, gxs) = TorchCheck.Run(f, x, g);
        }

        Assert.True(TorchCheck.MaxError(ys, y, 1e-4) <= 1e-9, $"forward: {TorchCheck.Worst(x, ys, y, 1e-4)}");
        Assert.True(TorchCheck.MaxError(gxs, gx, 1e-4, g) <= 1e-9, $"backward: {TorchCheck.Worst(x, gxs, gx, 1e-4, g)}");
    }

    [Fact]
    public void SignKeepsTheSignOfZeroAndNaNOnTheScriptPath()
    {
        ActGen.TorchSetup.EnsureLoaded();
        var f = Function("Signs", null);
        using (KernelPathSetting.Use(KernelPath.Script))
        {
            var y = f(tensor(new[] { -0.0, 0.0, double.NaN, -3.0, 3.0 })).data<double>().ToArray();
            Assert.Equal([double.NegativeInfinity, double.PositiveInfinity], y.Take(2).Select(v => 1 / v));
            Assert.True(double.IsNaN(y[2]));
            Assert.Equal([-10.0, 10.0], y.Skip(3));
        }
    }

    [Fact]
    public void EveryProgramButTheTensorPowerUsesOnlyOpsNncFuses()
    {
        var programs = Acts.Value.GetProperties(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)
            .Where(p => p.PropertyType == typeof(TorchActivation))
            .ToDictionary(p => p.Name, p => ((TorchActivation)p.GetValue(null)!).Script);
        Assert.Equal(8, programs.Count);
        Assert.All(programs.Where(p => p.Key != "PowerOfXTorch"), p => Assert.Empty(NncFusable.NonFusable(p.Value)));
        Assert.Equal(["torch.pow"], NncFusable.NonFusable(programs["PowerOfXTorch"]));
    }
}
