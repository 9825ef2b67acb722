using System.Linq;
using ActGen.Tests.Catalog;
using Xunit;

namespace ActGen.Tests.Kernels;

/// <summary>NaN in, NaN out: every catalog kernel, forward and backward, both element types, vector lanes and tail.</summary>
public class NanPropagationTests
{
    public static TheoryData<string> Catalog => CatalogCalculusTests.Catalog;

    private static ActivationDefinition Definition(string name)
    {
        ActivationRegistry.EnsureCatalog();
        return ActivationRegistry.All.Single(d => d.Owner == "ActGen.Activations" && d.Name == name);
    }

    /// <summary>17 elements: two full vectors of 8 floats (or four of 4 doubles) and a scalar tail, NaN at 3 and 16.</summary>
    private static double[] Input() =>
        Enumerable.Range(0, 17).Select(i => i is 3 or 16 ? double.NaN : (i - 8) / 3.0).ToArray();

    [Theory]
    [MemberData(nameof(Catalog))]
    public void NanInGivesNanOutInDouble(string name)
    {
        var d = Definition(name);
        var x = Input();
        var (y, g) = (new double[x.Length], new double[x.Length]);
        d.Double.Forward(x, y, d.Defaults);
        d.Double.Backward(d.BackwardFromOutput ? y : x, Enumerable.Repeat(1.0, x.Length).ToArray(), g, d.Defaults);
        Assert.All(new[] { 3, 16 }, i => Assert.True(double.IsNaN(y[i]) && double.IsNaN(g[i]), $"{name}: f = {y[i]}, f' = {g[i]} at NaN"));
        Assert.All(
            Enumerable.Range(0, x.Length).Where(i => i is not (3 or 16)),
            i => Assert.False(double.IsNaN(y[i]) || double.IsNaN(g[i])));
    }

    [Theory]
    [MemberData(nameof(Catalog))]
    public void NanInGivesNanOutInFloat(string name)
    {
        var d = Definition(name);
        var x = Input().Select(v => (float)v).ToArray();
        var (y, g) = (new float[x.Length], new float[x.Length]);
        d.Single.Forward(x, y, d.Defaults);
        d.Single.Backward(d.BackwardFromOutput ? y : x, Enumerable.Repeat(1f, x.Length).ToArray(), g, d.Defaults);
        Assert.All(new[] { 3, 16 }, i => Assert.True(float.IsNaN(y[i]) && float.IsNaN(g[i]), $"{name}: f = {y[i]}, f' = {g[i]} at NaN"));
    }
}
