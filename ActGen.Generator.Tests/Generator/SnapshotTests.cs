using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using ActGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ActGen.Generator.Tests.Generator;

/// <summary>The generated source of every catalog activation, and the diagnostics users see, under version control.</summary>
public class SnapshotTests
{
    private static readonly Lazy<GeneratorHarness.Run> CatalogRun = new(() =>
        GeneratorHarness.Generate(File.ReadAllText(Repository.File("ActGen.Runtime/Catalog/Activations.cs"))));

    public static TheoryData<string> Catalog => new TheoryData<string>(CatalogNames.All);

    [Theory]
    [MemberData(nameof(Catalog))]
    public void GeneratedSourceOfEachCatalogActivation(string name)
    {
        Snapshot.Verify(ScrubVersion(CatalogRun.Value.Source($".{name}.g.cs")), $"Catalog.{name}", "cs");
        Snapshot.Verify(ScrubVersion(CatalogRun.Value.Source($".{name}.Torch.g.cs")), $"Catalog.{name}.Torch", "cs");
        Snapshot.Verify(ScrubVersion(CatalogRun.Value.Source($".{name}.Cuda.g.cs")), $"Catalog.{name}.Cuda", "cs");
    }

    [Fact]
    public void TheCatalogGeneratesKernelAndTensorFilesPerActivationAndNoDiagnostics()
    {
        Assert.Empty(CatalogRun.Value.GeneratorDiagnostics);
        Assert.Equal(
            CatalogNames.All
                .SelectMany(n => new[]
                {
                    $"ActGen.Activations.{n}.g.cs",
                    $"ActGen.Activations.{n}.Cuda.g.cs",
                    $"ActGen.Activations.{n}.Torch.g.cs",
                })
                .OrderBy(n => n, StringComparer.Ordinal),
            CatalogRun.Value.Result.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void DiagnosticsForUnsupportedCode()
    {
        var run = GeneratorHarness.Generate(File.ReadAllText(Path.Combine(Here(), "Unsupported.cs.txt")));
        var text = string.Join("\n", run.GeneratorDiagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d =>
                $"{d.Id} {d.Location.GetLineSpan().StartLinePosition} "
                + $"{d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
        Snapshot.Verify(text + "\n", "Diagnostics.Unsupported");
        Assert.Null(run.Result.Exception);
    }

    /// <summary>Generated code carries the generator's version; snapshots show it as {version} so a release changes none.</summary>
    private static string ScrubVersion(string source) =>
        source.Replace(
            ActGen.Generator.Emit.GeneratedAttributes.GeneratedCode,
            "[global::System.CodeDom.Compiler.GeneratedCode(\"ActGen\", \"{version}\")]");

    /// <summary>
    /// The version is the loaded generator's informational version (the package version, without the commit): not
    /// always 0.1.0, since the package tests beside this one rebuild the generator with a test version.
    /// </summary>
    [Fact]
    public void GeneratedCodeCarriesTheGeneratorsVersion() =>
        Assert.Contains(
            "GeneratedCode(\"ActGen\", "
            + $"\"{System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(
                typeof(ActGen.Generator.ActivationGenerator).Assembly)!.InformationalVersion.Split('+')[0]}\")",
            CatalogRun.Value.Source(".Relu.g.cs"));

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

}
