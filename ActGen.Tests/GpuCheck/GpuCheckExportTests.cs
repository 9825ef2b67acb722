using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ActGen.Experiments.Kernels;
using ActGen.Tests.Support;
using Xunit;

namespace ActGen.Tests.GpuCheck;

/// <summary>
/// The device check's input (tools/gpu-check/generated, from <c>actgen kernels --export</c>) is what the code generates
/// now; every kernel is declared with the ABI the manifest states; and check.py's stdlib-only parts run here.
/// </summary>
public class GpuCheckExportTests
{
    private static readonly string Generated = Repository.File("tools/gpu-check/generated");
    private static readonly string Script = Repository.File("tools/gpu-check/check.py");

    private static ActivationDefinition[] Registered(Func<ActivationDefinition, bool> which)
    {
        ActivationRegistry.EnsureCatalog();
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(
            typeof(ActGen.Experiments.Activations.ExtraActivations).Module.ModuleHandle);
        return ActivationRegistry.All.Where(which).ToArray();
    }

    /// <summary>What <c>actgen kernels --export</c> writes in its own process: the catalog and the experiments' activations.</summary>
    private static ActivationDefinition[] Exported() =>
        Registered(d => d.Owner is "ActGen.Activations" or "ActGen.Experiments.Activations.ExtraActivations");

    [Fact]
    public void TheCommittedExportIsWhatTheCodeGeneratesNow()
    {
        var expected = KernelExport.Files(Exported());
        var committed = Directory.Exists(Generated)
            ? Directory.GetFiles(Generated, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(Generated, f).Replace('\\', '/'), File.ReadAllText)
            : new Dictionary<string, string>();
        var differing = expected.Keys.Union(committed.Keys)
            .Where(path => !expected.TryGetValue(path, out var e) || !committed.TryGetValue(path, out var c) || e != c)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(differing.Count == 0,
            $"tools/gpu-check/generated is stale ({string.Join(", ", differing)}); refresh it with: {KernelExport.RefreshCommand}");
    }

    [Fact]
    public void EveryKernelIsDeclaredWithTheAbiTheManifestStates()
    {
        var (_, source) = RandomActivations.Make("RandomAbi", 8, "0N0XIzNsQ0O2");
        var run = GeneratorHarness.Generate(source);
        Assert.Empty(run.GeneratorDiagnostics);
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(GeneratorHarness.Load(run).ManifestModule.ModuleHandle);
        var definitions = Exported().Concat(Registered(d => d.Owner == "RandomAbi.Acts")).ToArray();
        Assert.Equal(CatalogNames.All.Length + 2 + 8, definitions.Length);
        Assert.All(definitions, d =>
        {
            var declared = CudaAbi.Declared(d.CudaSource!).ToDictionary(k => k.Name, k => string.Join(", ", k.Abi));
            var expected = CudaAbi.Expected(d, CudaAbi.Prefix(d.CudaSource!)!).ToDictionary(k => k.Name, k => string.Join(", ", k.Abi));
            Assert.Equal(expected.OrderBy(k => k.Key), declared.OrderBy(k => k.Key));
        });
    }

    [Fact]
    public void TheManifestNamesABuiltinForEveryCatalogActivationThatHasOne()
    {
        var withBuiltin = Exported().Where(d => TorchBuiltins.For(d) is not null).Select(d => d.Name).Order().ToArray();
        Assert.Equal(CatalogNames.All.Where(n => n != "Swish").Order(), withBuiltin);
    }

    private static (int Code, string Output) Python(params string[] arguments)
    {
        var start = new ProcessStartInfo(PythonFactAttribute.Python3!) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    [PythonFact]
    public void CheckPyCompilesAndItsSelfTestPassesOnTheCommittedExport()
    {
        var (compiled, compileOutput) = Python("-m", "py_compile", Script);
        Assert.True(compiled == 0, compileOutput);
        var (code, output) = Python(Script, "--self-test");
        Assert.True(code == 0, output);
        Assert.Contains($"self-test: {CatalogNames.All.Length + 2} activations,", output);
        Assert.EndsWith(", 0 problems", output.Trim());
    }

    /// <summary>
    /// check.py's own tests (tools/gpu-check/test_check.py): its run logic over a stand-in torch (a failing case stays
    /// local, a sticky error stops the GPU work and keeps what was gathered, the budget, tables written as they grow), real
    /// checks with kernels done in Python (a wrong kernel caught) and its ctypes bindings against stand-in NVRTC and driver
    /// libraries compiled with the real signatures.
    /// </summary>
    [PythonFact]
    public void CheckPysOwnTestsPass()
    {
        var (code, output) = Python(Repository.File("tools/gpu-check/test_check.py"));
        Assert.True(code == 0, output);
        Assert.Contains("OK", output);
    }

    [PythonFact]
    public void TheSelfTestCatchesAKernelWhoseAbiDiffersFromTheManifest()
    {
        var copy = Path.Combine(Path.GetTempPath(), "actgen-gpu-check-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            foreach (var (path, text) in KernelExport.Files(Exported()))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, path))!);
                File.WriteAllText(Path.Combine(copy, path), path.EndsWith("Elu.cu", StringComparison.Ordinal)
                    ? text.Replace("long long n, double p0)", "int n, double p0)")
                    : text);
            }

            var (code, output) = Python(Script, "--self-test", "--export", copy);
            Assert.NotEqual(0, code);
            Assert.Contains("ActGen.Activations.Elu: actgen_ActGen__Activations__Elu_forward_f32 is declared", output);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}
