using System.Globalization;
using System.Linq;
using System.Threading;
using ActGen.Experiments.Results;
using Xunit;

namespace ActGen.Tests.Experiments;

public class CsvTests
{
    [Fact]
    public void NumbersUseTheInvariantCultureWhateverTheCurrentOne()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("0.5", Csv.Number(0.5));
            Assert.Equal("1E-07", Csv.Number(1e-7));
            Assert.Equal("1234567", Csv.Number(1234567));
            Assert.Equal("NaN", Csv.Number(double.NaN));
            Assert.Equal(0.1 + 0.2, double.Parse(Csv.Number(0.1 + 0.2), CultureInfo.InvariantCulture));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Fact]
    public void FieldsWithSeparatorsAreQuoted()
    {
        Assert.Equal("plain", Csv.Field("plain"));
        Assert.Equal("\"a,b\"", Csv.Field("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", Csv.Field("say \"hi\""));
        Assert.Equal("x,\"uniform(0.1,2)\"", Csv.Line(["x", "uniform(0.1,2)"]));
    }

    [Fact]
    public void SchemasHoldThePinnedColumns()
    {
        var summary = Schemas.Summary.Select(c => c.Name).ToArray();
        Assert.Equal(["activation", "init", "depth", "width", "seed", "dataset"], summary.Take(6));
        foreach (var name in new[] { "steps", "train_loss", "test_accuracy", "decay_per_layer", "predicted_decay_per_layer", "grad_ratio_last_first" })
            Assert.Contains(name, summary);
        var results = Schemas.Results.Select(c => c.Name).ToArray();
        foreach (var name in new[] { "step", "layer", "grad_mean_abs", "grad_std", "grad_l2", "bias_grad_mean_abs", "dead_fraction", "loss" })
            Assert.Contains(name, results);
        Assert.Equal(summary.Length, summary.Distinct().Count());
        Assert.Equal(results.Length, results.Distinct().Count());
    }

    [Fact]
    public void RunIdsAreFileNameSafeAndDistinguishEveryKeyField()
    {
        var key = new RunKey("LeakyRelu", "uniform(0.5)", 4, 5, 1, "circles", "sgd", 0.01, 100, 32);
        Assert.Matches("^[a-z0-9._~-]+$", key.Id);
        Assert.NotEqual(key.Id, (key with { Lr = 0.02 }).Id);
        Assert.NotEqual(key.Id, (key with { Seed = 2 }).Id);
        Assert.NotEqual(key.Id, (key with { Init = "uniform(0.25)" }).Id);
    }
}
