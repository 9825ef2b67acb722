using System.IO;
using ActGen.Experiments.Cli;
using Xunit;

namespace ActGen.Tests.Experiments;

public class CommandLineTests
{
    private static readonly string[] Names = ["Relu", "Tanh"];

    private static (int Code, string Out, string Err, SweepOptions? Ran) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        SweepOptions? ran = null;
        var code = CommandLine.Run(args, Names, (o, _, _) => { ran = o; return 0; }, output, error);
        return (code, output.ToString(), error.ToString(), ran);
    }

    [Fact]
    public void SweepHandsTheParsedOptionsToTheAction()
    {
        var (code, _, err, ran) = Run("sweep", "--activations", "tanh", "--init", "he-normal", "--depths", "1-3", "--out", "x", "--quiet");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.NotNull(ran);
        Assert.Equal(["Tanh"], ran!.Activations);
        Assert.Equal([1, 2, 3], ran.Depths);
        Assert.True(ran.Quiet);
    }

    [Fact]
    public void BadValueExitsNonZeroWithTheMessageAndRunsNothing()
    {
        var (code, _, err, ran) = Run("sweep", "--activations", "tanh", "--dataset", "cifar");
        Assert.NotEqual(0, code);
        Assert.Null(ran);
        Assert.Contains("--dataset: 'cifar' is not a valid choice. Valid choices: circles, moons, spirals, mnist.", err);
    }

    [Fact]
    public void UnknownOptionExitsNonZero()
    {
        var (code, _, err, ran) = Run("sweep", "--widht", "3");
        Assert.NotEqual(0, code);
        Assert.Null(ran);
        Assert.Contains("--widht", err);
    }

    [Fact]
    public void ListPrintsTheRegistryInitsAndPresets()
    {
        var (code, output, _, _) = Run("list");
        Assert.Equal(0, code);
        Assert.Contains("  Relu\n", output.Replace("\r", ""));
        Assert.Contains("  he-normal\n", output.Replace("\r", ""));
        Assert.Contains("mlm-circles", output);
    }
}
