using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ActGen.Experiments.Results;
using ActGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ActGen.Benchmarks;

/// <summary>One generator scenario: its median and best time, and how many activations it lowered again (New or Modified).</summary>
public sealed record GeneratorCostRow(string Scenario, int Activations, double MedianMs, double MinMs, int Regenerated);

/// <summary>
/// The generator's own cost on a compilation of <c>activations</c> user activations (ten classes, varied bodies):
/// a first run with a fresh driver, a rerun after an unrelated edit (nothing should be lowered again) and after
/// a body edit of the last activation in its file (that activation only: models carry their source location for
/// diagnostics, so an edit also re-lowers the activations below it in the same file).
/// </summary>
public static class GeneratorCost
{
    private const int PerClass = 10;

    public static IReadOnlyList<Column<GeneratorCostRow>> Columns { get; } =
    [
        new("scenario", r => r.Scenario),
        new("activations", r => r.Activations.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("median_ms", r => Csv.Number(r.MedianMs)),
        new("min_ms", r => Csv.Number(r.MinMs)),
        new("regenerated", r => r.Regenerated.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public static IReadOnlyList<GeneratorCostRow> Measure(int activations, int reps)
    {
        var sources = Enumerable.Range(0, (activations + PerClass - 1) / PerClass)
            .Select(c => ClassSource(c, Enumerable.Range(c * PerClass, Math.Min(PerClass, activations - c * PerClass))))
            .ToArray();
        var compilation = Compilation(sources);
        var unrelated = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other { public static class Unrelated { public static int Y => 2; } }", Options));
        var first = compilation.SyntaxTrees.First();
        var bodyEdited = compilation.ReplaceSyntaxTree(first, first.WithChangedText(SourceText.From(sources[0].Replace("/*edit*/", "0.0 + "))));
        var warm = Driver().RunGenerators(compilation);

        return
        [
            Time("first run", activations, reps, () => Driver().RunGenerators(compilation)),
            Time("unrelated edit", activations, reps, () => warm.RunGenerators(unrelated)),
            Time("last body edit in a file", activations, reps, () => warm.RunGenerators(bodyEdited)),
        ];
    }

    private static GeneratorCostRow Time(string scenario, int activations, int reps, Func<GeneratorDriver> run)
    {
        var regenerated = Lowered(run());
        var samples = Enumerable.Range(0, reps).Select(_ =>
        {
            var clock = Stopwatch.StartNew();
            run();
            return clock.Elapsed.TotalMilliseconds;
        }).ToArray();
        return new GeneratorCostRow(scenario, activations, Stats.Median(samples), samples.Min(), regenerated);
    }

    private static int Lowered(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[ActivationGenerator.Steps.Lower]
            .SelectMany(s => s.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);

    private static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            [new ActivationGenerator().AsSourceGenerator()],
            parseOptions: Options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static readonly CSharpParseOptions Options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private static CSharpCompilation Compilation(IEnumerable<string> sources) =>
        CSharpCompilation.Create(
            "GeneratorCost",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, Options, path: $"Acts{i}.cs")),
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>The running framework's assemblies and ActGen.Runtime (for the attributes).</summary>
    private static IEnumerable<MetadataReference> References() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(ActivationAttribute).Assembly.Location)
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p));

    private static string ClassSource(int index, IEnumerable<int> activations) =>
        $$"""
        using System;
        using ActGen;
        namespace GeneratorCost;
        public static partial class Acts{{index}}
        {
        {{string.Join("\n", activations.Select(Activation))}}
        }
        """;

    /// <summary>Activation <paramref name="k"/>: one of six shapes (exp, sigmoid, tanh, softplus, a hyper-parameter, a let) with its own constants.</summary>
    private static string Activation(int k)
    {
        var c = (1.0 + k / 100.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var body = (k % 6) switch
        {
            0 => $"x > 0 ? x : {c} * (Math.Exp(x) - 1)",
            1 => $"x / (1 + Math.Exp(-{c} * x))",
            2 => $"Math.Tanh({c} * x) + 0.1 * x",
            3 => $"x * Math.Tanh(Math.Log(1 + Math.Exp({c} * x)))",
            4 => $"x >= 0 ? x : alpha * x * {c}",
            _ => $"0.5 * x * (1 + Math.Tanh({c} * (x + 0.044715 * x * x * x)))",
        };
        var parameters = k % 6 == 4 ? "double x, double alpha = 0.01" : "double x";
        var edit = k == PerClass - 1 ? "/*edit*/" : "";
        return $"    [Activation] public static double A{k}({parameters}) => {edit}{body};";
    }
}
