using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using ActGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActGen.Tests.Support;

/// <summary>Runs the generator in memory over user source, as the compiler would.</summary>
internal static class GeneratorHarness
{
    public static readonly IReadOnlyList<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All
            .Append(MetadataReference.CreateFromFile(typeof(ActivationAttribute).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location))
            .ToList();

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "UserActivations",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(
                s,
                CSharpParseOptions.Default
                    .WithLanguageVersion(LanguageVersion.Latest)
                    .WithDocumentationMode(DocumentationMode.Diagnose),
                path: $"User{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // TorchSharp is built against System.Runtime 8.0; unifying it with 10.0 is expected, not a finding.
                // Documentation comments are checked (generated ones must be valid), but the test sources need none of their
                // own.
                .WithSpecificDiagnosticOptions(
                [
                    new("CS1701", ReportDiagnostic.Suppress),
                    new("CS1702", ReportDiagnostic.Suppress),
                    new("CS1591", ReportDiagnostic.Suppress),
                ]));

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            [new ActivationGenerator().AsSourceGenerator()],
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public sealed record Run(
        GeneratorDriver Driver,
        GeneratorRunResult Result,
        Compilation Output,
        ImmutableArray<Diagnostic> CompileDiagnostics)
    {
        public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

        public string Source(string hintSuffix) =>
            Result.GeneratedSources.Single(s => s.HintName.EndsWith(hintSuffix, System.StringComparison.Ordinal)).SourceText.ToString();
    }

    public static Run Generate(params string[] sources) => Generate(Compilation(sources));

    public static Run Generate(Compilation compilation)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult().Results.Single();
        return new Run(driver, result, output, output.GetDiagnostics());
    }

    /// <summary>Compiles the generated output and loads it, failing with the compiler's messages if it does not build.</summary>
    public static Assembly Load(Run run)
    {
        using var stream = new MemoryStream();
        var emit = run.Output.Emit(stream);
        if (!emit.Success)
        {
            throw new System.InvalidOperationException(
                string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return Assembly.Load(stream.ToArray());
    }
}
