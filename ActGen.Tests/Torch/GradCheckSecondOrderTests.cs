using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>GradCheck's second-order mode on the catalog, and failing on a wrong second derivative.</summary>
public class GradCheckSecondOrderTests
{
    public static TheoryData<string> Names => ParityCases.Names();

    private static Tensor OffKinks(double[] kinks)
    {
        var x = linspace(-6, 6, 201, dtype: ScalarType.Float64) + 0.0123;
        var far = ones_like(x, dtype: ScalarType.Bool);
        foreach (var k in kinks)
        {
            far &= (x - k).abs() > 1e-3;
        }

        return x[far];
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CatalogActivationPassesSecondOrder(string name)
    {
        var c = ParityCases.Get(name);
        var result = GradCheck.AssertSecondOrder((x, _) => c.ActGen(x), OffKinks(c.Kinks), []);
        Assert.True(result.MaxAbsoluteError < 1e-6, result.ToString());
    }

    [Fact]
    public void PReluPassesSecondOrderForItsSlopeToo()
    {
        var result = GradCheck.AssertSecondOrder((x, p) => Activations.PRelu(x, p[0]), OffKinks([0]), [tensor(new[] { 0.3 })]);
        Assert.Equal(2, result.Entries.Count);
    }

    [Fact]
    public void AGradientWithoutAGraphIsAClearError()
    {
        // The backward of x·|x|·1.5 with |x| detached is 1.5·|x|·u: a constant of x, so no second order to check.
        var e = Assert.Throws<System.InvalidOperationException>(() =>
            GradCheck.CheckSecondOrder((x, _) => x * x.detach().abs() * 1.5, OffKinks([0]), []));
        Assert.Contains("no graph", e.Message);
    }
}
