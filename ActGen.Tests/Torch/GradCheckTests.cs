using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>GradCheck on the whole catalog (off the kinks), and failing on deliberately wrong backwards.</summary>
public class GradCheckTests
{
    public static TheoryData<string> Names => ParityCases.Names();

    /// <summary>Points of [−6, 6] at least 1e-3 from every kink.</summary>
    private static Tensor OffKinks(double[] kinks)
    {
        var x = linspace(-6, 6, 401, dtype: ScalarType.Float64) + 0.0123;
        var far = ones_like(x, dtype: ScalarType.Bool);
        foreach (var k in kinks)
        {
            far &= (x - k).abs() > 1e-3;
        }

        return x[far];
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CatalogActivationPassesOffItsKinks(string name)
    {
        var c = ParityCases.Get(name);
        var result = GradCheck.Assert(c.ActGen, OffKinks(c.Kinks));
        var entry = Assert.Single(result.Entries);
        Assert.Equal("input", entry.Argument);
        Assert.True(entry.MaxAbsoluteError < 1e-7, result.ToString());
    }

    [Fact]
    public void CatalogActivationPassesInFullJacobianMode()
    {
        var x = OffKinks([0]).narrow(0, 0, 40);
        var result = GradCheck.Check(z => Activations.Selu(z), x, new GradCheckOptions(ElementWise: false));
        Assert.True(result.Passed, result.ToString());
        Assert.True(result.MaxAbsoluteError < 1e-7);
    }

    [Fact]
    public void PReluPassesForItsSlopeToo()
    {
        var x = OffKinks([0]).reshape(1, 1, -1).expand(2, 3, -1).contiguous();
        var result = GradCheck.Check((z, p) => Activations.PRelu(z, p[0]), x, [tensor(new[] { 0.3 })]);
        Assert.True(result.Passed, result.ToString());
        Assert.Equal(["input", "parameter 0"], result.Entries.Select(e => e.Argument));
        Assert.True(result.Entries[1].MaxAbsoluteError < 1e-6, result.ToString());

        var module = new Activations.PReluModule(numParameters: 3);
        var perChannel = GradCheck.Check((z, p) => TorchSharp.torch.nn.functional.prelu(z, p[0]), x, [module.parameters().Single()]);
        Assert.True(perChannel.Passed, perChannel.ToString());
    }

    /// <summary>A hand-written x² whose backward forgets the factor 2.</summary>
    private sealed class WrongSquare : autograd.SingleTensorFunction<WrongSquare>
    {
        public override string Name => "WrongSquare";

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var x = (Tensor)vars[0];
            ctx.save_for_backward([x]);
            return x * x;
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad) => [grad * ctx.get_saved_variables()[0]];
    }

    /// <summary>x·w whose backward gives w the gradient x·w (should be x) and x the right one.</summary>
    private sealed class WrongScale : autograd.SingleTensorFunction<WrongScale>
    {
        public override string Name => "WrongScale";

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var (x, w) = ((Tensor)vars[0], (Tensor)vars[1]);
            ctx.save_for_backward([x, w]);
            return x * w;
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad)
        {
            var saved = ctx.get_saved_variables();
            return [grad * saved[1], (grad * saved[0] * saved[1]).sum().reshape(saved[1].shape)];
        }
    }

    [Fact]
    public void FailsOnAWrongInputGradientWithAClearMessage()
    {
        var x = linspace(0.5, 2, 7, dtype: ScalarType.Float64);
        var result = GradCheck.Check(z => WrongSquare.apply(z), x);
        Assert.False(result.Passed);
        var entry = Assert.Single(result.Entries);
        Assert.False(entry.Passed);
        Assert.Equal(0.5, entry.MaxRelativeError, 6); // autograd gives x, finite differences 2x
        Assert.Equal(entry.Numerical / 2, entry.Analytical, 6);

        var e = Assert.Throws<GradCheckException>(() => GradCheck.Assert(z => WrongSquare.apply(z), x));
        Assert.Contains("Gradient check failed for the input at flat index", e.Message);
        Assert.Contains("central differences", e.Message);
        Assert.Same(e.Result.Options, GradCheckOptions.Default);
        Assert.Throws<GradCheckException>(() => GradCheck.Assert(z => WrongSquare.apply(z), x, new GradCheckOptions(ElementWise: false)));
    }

    [Fact]
    public void FailsOnAWrongParameterGradientAndNamesTheParameter()
    {
        var x = linspace(-2, 2, 9, dtype: ScalarType.Float64);
        var result = GradCheck.Check((z, p) => WrongScale.apply(z, p[0]), x, [tensor(new[] { 1.7 })]);
        Assert.True(result.Entries[0].Passed, result.ToString());
        Assert.False(result.Entries[1].Passed);
        Assert.Equal("parameter 0", result.FirstFailure!.Argument);
        Assert.Equal(1.7 * result.Entries[1].Numerical, result.Entries[1].Analytical, 6);
        var e = Assert.Throws<GradCheckException>(() => GradCheck.Assert((z, p) => WrongScale.apply(z, p[0]), x, [tensor(new[] { 1.7 })]));
        Assert.Contains("for the parameter 0", e.Message);
    }

    [Fact]
    public void WorksOnFloat32InputsAndLeavesThemAlone()
    {
        var x = linspace(-3, 3, 50, dtype: ScalarType.Float32) + 0.01f;
        var before = x.clone();
        var result = GradCheck.Check(z => Activations.Gelu(z), x);
        Assert.True(result.Passed, result.ToString());
        Assert.Equal(0.0, (x - before).abs().max().item<float>());
        Assert.Equal(ScalarType.Float32, x.dtype);
    }
}
