using System;
using System.Linq;
using System.Reflection;
using ActGen.Tests.Support;
using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>
/// The TorchScript programs use only ops libtorch's NNC fuser fuses (the list and its source: <see cref="NncFusable"/>),
/// the catalog's and random generated activations' alike, and the random ones' programs compute what their managed
/// kernels compute. CPU cannot show the fusion itself (TorchSharp-cpu's fuser rejects every node); the device check
/// (tools/gpu-check) looks for <c>prim::TensorExprGroup</c> on a GPU.
/// </summary>
public class ScriptFusableTests
{
    private const int RandomCount = 24;

    private static TorchActivation[] Programs(Type owner) =>
        owner.GetProperties(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(p => p.PropertyType == typeof(TorchActivation))
            .Select(p => (TorchActivation)p.GetValue(null)!)
            .ToArray();

    private static Type RandomActs()
    {
        var (_, source) = RandomActivations.Make("RandomFusable", RandomCount, "0N0XIzNsQ0O2");
        var run = GeneratorHarness.Generate(source);
        Assert.Empty(run.GeneratorDiagnostics);
        return GeneratorHarness.Load(run).GetType("RandomFusable.Acts")!;
    }

    private static void AssertFusable(TorchActivation[] programs)
    {
        var offending = programs
            .Where(p => NncFusable.NonFusable(p.Script).Count > 0)
            .Select(p => $"{p.Definition.Name}: {string.Join(", ", NncFusable.NonFusable(p.Script))} in\n{p.Script}")
            .ToList();
        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    [Fact]
    public void EveryCatalogProgramUsesOnlyOpsNncFuses()
    {
        var programs = Programs(typeof(Activations));
        Assert.Equal(CatalogNames.All.Length, programs.Length);
        AssertFusable(programs);
    }

    [Fact]
    public void EveryRandomActivationsProgramUsesOnlyOpsNncFuses()
    {
        var programs = Programs(RandomActs());
        Assert.Equal(RandomCount, programs.Length);
        AssertFusable(programs);
    }

    /// <summary>Their programs take the forms the catalog does not: selects on the hyper-parameter alone, functions of it.</summary>
    [Fact]
    public void RandomActivationsProgramsEqualTheirManagedKernels()
    {
        ActGen.TorchSetup.EnsureLoaded();
        var acts = RandomActs();
        var x = TorchCheck.Points(ScalarType.Float64, []);
        var g = TorchCheck.RandomGradient(x);
        for (var i = 0; i < RandomCount; i++)
        {
            var method = acts.GetMethod($"F{i}", [typeof(Tensor), typeof(double)])!;
            foreach (var a in new[] { 0.7, -0.4 })
            {
                Tensor F(Tensor t) => (Tensor)method.Invoke(null, [t, a])!;
                var (y, gx) = TorchCheck.Run(F, x, g);
                Tensor ys, gxs;
                using (KernelPathSetting.Use(KernelPath.Script))
                {
                    (ys, gxs) = TorchCheck.Run(F, x, g);
                }

                Assert.True(TorchCheck.MaxError(ys, y, 1e-4) <= 1e-9, $"F{i}(a={a}) forward: {TorchCheck.Worst(x, ys, y, 1e-4)}");
                Assert.True(
                    TorchCheck.MaxError(gxs, gx, 1e-4, g) <= 1e-9, $"F{i}(a={a}) backward: {TorchCheck.Worst(x, gxs, gx, 1e-4, g)}");
            }
        }
    }
}
