using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ActGen.Experiments.Cli;
using ActGen.Tests.Support;
using Xunit;

namespace ActGen.Tests.Experiments;

/// <summary>
/// <c>--assembly</c>: a user's own assembly (compiled here with the generator, written to a file) gives <c>list</c>,
/// <c>sweep</c> and <c>kernels</c> its activations; one that shares a name with the experiments' own leaves that name to
/// them (so runs recorded under it never mix the two) and is swept by its full name. Each run is a process of its own
/// (the registry is global).
/// </summary>
public sealed class UserAssemblyTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "actgen-user-assembly-" + Guid.NewGuid().ToString("N")[..8]);

    public UserAssemblyTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Compiles <paramref name="body"/>'s class (namespace Mine, class Acts) with the generator into a .dll.</summary>
    private string Assembly(string name, string members)
    {
        var run = GeneratorHarness.Generate($$"""
            using System;
            using ActGen;
            namespace Mine;
            public static partial class Acts
            {
            {{members}}
            }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        var path = Path.Combine(folder, name + ".dll");
        Microsoft.CodeAnalysis.Emit.EmitResult emitted;
        using (var file = File.Create(path))
        {
            emitted = run.Output.WithAssemblyName(name).Emit(file);
        }

        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return path;
    }

    private const string Tent = "[Activation] public static double Tent(double x, [Learnable(0.5)] double a) => x > 0 ? x : a * Math.Tanh(x);";

    private static Task<ChildResult> Actgen(params string[] args) => ChildProcess.Dotnet("actgen.dll", args);

    [Fact]
    public void EveryValueOfTheOptionIsFoundInEitherSpelling()
    {
        Assert.Equal(["a.dll", "b.dll", ""], UserAssemblies.Paths(["sweep", "--assembly", "a.dll", "--steps", "0", "--assembly=b.dll", "--assembly"]));
        Assert.Empty(UserAssemblies.Paths(["sweep", "--activations", "relu"]));
    }

    [Fact]
    public async Task ItsActivationsAreListedSweptAndCheckedBesideTheCatalog()
    {
        var dll = Assembly("Tents", Tent);
        var list = await Actgen("list", "--assembly", dll);
        Assert.True(list.Code == 0, list.ToString());
        Assert.Contains("  Tent\n", list.Output.Replace("\r", ""));
        Assert.Contains("  Relu\n", list.Output.Replace("\r", ""));

        var runs = Path.Combine(folder, "runs");
        var sweep = await Actgen("sweep", "--assembly", dll, "--activations", "tent", "--init", "he-normal", "--depths", "2",
            "--steps", "0", "--seeds", "1", "--dataset", "circles", "--out", runs, "--quiet");
        Assert.True(sweep.Code == 0, sweep.ToString());
        Assert.StartsWith("Tent,he-normal,2,", File.ReadAllLines(Path.Combine(runs, "summary.csv"))[1]);

        var kernels = await Actgen("kernels", "--check-cuda-on-host", $"--assembly={dll}");
        Assert.True(kernels.Code == 0, kernels.ToString());
        Assert.Contains("Mine.Acts.Tent: ok", kernels.Output);
    }

    /// <summary>With the user's Squareplus (here a different function) loaded, <c>squareplus</c> is still the experiments'.</summary>
    [Fact]
    public async Task ANameItSharesStaysActgensAndEachIsReachableByItsFullName()
    {
        var dll = Assembly("Clash", "[Activation] public static double Squareplus(double x) => Math.Tanh(x);");
        var list = await Actgen("list", "--assembly", dll);
        Assert.Contains("  Mine.Acts.Squareplus\n", list.Output.Replace("\r", ""));
        Assert.Contains("  ActGen.Experiments.Activations.ExtraActivations.Squareplus\n", list.Output.Replace("\r", ""));

        async Task<string> Loss(string activation)
        {
            var runs = Path.Combine(folder, "runs-" + Guid.NewGuid().ToString("N")[..6]);
            var sweep = await Actgen("sweep", "--assembly", dll, "--activations", activation, "--init", "he-normal", "--depths", "2",
                "--steps", "0", "--seeds", "1", "--dataset", "circles", "--out", runs, "--quiet");
            Assert.True(sweep.Code == 0, sweep.ToString());
            return File.ReadAllLines(Path.Combine(runs, "summary.csv"))[1].Split(',')[10]; // train_loss
        }

        var (shortName, mine, theirs) = (await Loss("squareplus"), await Loss("Mine.Acts.Squareplus"),
            await Loss("ActGen.Experiments.Activations.ExtraActivations.Squareplus"));
        Assert.Equal(theirs, shortName);
        Assert.NotEqual(mine, shortName);
    }

    [Theory]
    [InlineData("missing", "no such file")]
    [InlineData("text", "not a .NET assembly")]
    [InlineData("empty", "it registers no activations")]
    [InlineData("", "give the path of a .dll")]
    public async Task ABadAssemblyIsRefusedByNameWithItsReason(string kind, string reason)
    {
        File.WriteAllText(Path.Combine(folder, "text.dll"), "not a dll");
        var path = kind switch
        {
            "missing" => Path.Combine(folder, "nope.dll"),
            "text" => Path.Combine(folder, "text.dll"),
            "empty" => typeof(System.CommandLine.Command).Assembly.Location,
            _ => null,
        };
        var run = path is null ? await Actgen("list", "--assembly") : await Actgen("list", "--assembly", path);
        Assert.Equal(2, run.Code);
        Assert.StartsWith($"actgen: --assembly {(path is null ? "(no path)" : path)}: {reason}", run.Error);
        Assert.Equal("", run.Output);
    }
}
