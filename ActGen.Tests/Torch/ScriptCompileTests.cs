using System.Linq;
using System.Reflection;
using ActGen.Tests.Support;
using ActGen.Torch;
using Xunit;

namespace ActGen.Tests.Torch;

/// <summary>
/// Every generated TorchScript program compiles: the catalog's and random generated activations'. TorchSharp 0.107's
/// <c>jit.compile</c> ends the process on a program libtorch rejects (it cannot be caught), so ActGen emits only what
/// libtorch compiles, and this is checked here, where a rejected program fails the run instead of a user's process.
/// </summary>
public class ScriptCompileTests
{
    private static TorchActivation[] Programs(System.Type owner) =>
        owner.GetProperties(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(p => p.PropertyType == typeof(TorchActivation))
            .Select(p => (TorchActivation)p.GetValue(null)!)
            .ToArray();

    [Fact]
    public void EveryCatalogProgramCompiles()
    {
        ActGen.TorchSetup.EnsureLoaded();
        var programs = Programs(typeof(Activations));
        Assert.Equal(CatalogNames.All.Length, programs.Length);
        Assert.All(programs, p => Assert.NotNull(p.Compiled));
    }

    [Fact]
    public void EveryRandomActivationsProgramCompiles()
    {
        ActGen.TorchSetup.EnsureLoaded();
        var (_, source) = RandomActivations.Make("RandomScript", 24, "0N0XIzNsQ0O2");
        var run = GeneratorHarness.Generate(source);
        Assert.Empty(run.GeneratorDiagnostics);
        var programs = Programs(GeneratorHarness.Load(run).GetType("RandomScript.Acts")!);
        Assert.Equal(24, programs.Length);
        Assert.All(programs, p => Assert.NotNull(p.Compiled));
    }
}
