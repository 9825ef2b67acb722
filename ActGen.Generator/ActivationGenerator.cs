using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Emit;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;
using ActGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActGen.Generator;

/// <summary>
/// The ActGen incremental generator: every <c>[Activation]</c> method is parsed into the IR, composed with the
/// activations it calls, differentiated and simplified, and emitted as derivatives and fused kernels.
/// Models carry no source locations; diagnostics travel on their own steps, so moving code lowers nothing again,
/// and one body edit lowers that activation (and the activations that call it) only.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActivationGenerator : IIncrementalGenerator
{
    /// <summary>Names of the pipeline steps, for caching tests.</summary>
    public static class Steps
    {
        public const string Parse = "ActGen.Parse";
        public const string Models = "ActGen.Models";
        public const string Compose = "ActGen.Compose";
        public const string Lower = "ActGen.Lower";
        public const string Render = "ActGen.Render";
        public const string Torch = "ActGen.Torch";
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownFunctions.ActivationAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, ct) => ActivationParser.Parse(ctx, ct))
            .WithTrackingName(Steps.Parse);

        var models = parsed.Where(static p => p.Model is not null).Select(static (p, _) => p.Model!).WithTrackingName(Steps.Models);
        var inputs = models.Combine(models.Collect())
            .Select(static (pair, _) => CallGraph.InputFor(pair.Left, pair.Right))
            .WithTrackingName(Steps.Compose);
        var lowered = inputs.Select(static (input, _) => Lowering.LowerOne(input)).WithTrackingName(Steps.Lower);

        var torch = context.CompilationProvider
            .Select(static (c, _) => c.GetTypeByMetadataName(ActivationParser.TorchGlueType) is not null)
            .WithTrackingName(Steps.Torch);
        var rendered = lowered.Combine(torch)
            .Select(static (pair, _) => Rendering.Render(pair.Left, pair.Right))
            .WithTrackingName(Steps.Render);

        context.RegisterSourceOutput(rendered, static (spc, unit) => AddSources(spc, unit));
        context.RegisterSourceOutput(parsed.Select(static (p, _) => p.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
        var located = parsed.Select(static (p, _) => (p.Key, p.Location, p.Guards)).Collect();
        var failed = rendered.Where(static r => r.Diagnostics.Count > 0).Collect();
        context.RegisterSourceOutput(failed.Combine(located), static (spc, pair) => ReportAtMethods(spc, pair.Left, pair.Right));
        context.RegisterSourceOutput(parsed.Select(static (p, _) => NameClash.Header.Of(p)).Collect(),
            static (spc, headers) => Report(spc, NameClash.Find(headers).ToEquatableArray()));
    }

    private static void AddSources(SourceProductionContext context, RenderedUnit unit)
    {
        foreach (var file in unit.Files)
        {
            try
            {
                context.AddSource(file.HintName, file.Text);
            }
            catch (System.ArgumentException e)
            {
                context.ReportDiagnostic(InternalError.Of(unit.Key, null, e).ToDiagnostic());
            }
        }
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    /// <summary>
    /// Lowering's and rendering's diagnostics have no location of their own: they go to the activation's method, or
    /// for ACTGEN017 to the guard it is about.
    /// </summary>
    private static void ReportAtMethods(
        SourceProductionContext context,
        ImmutableArray<RenderedUnit> units,
        ImmutableArray<(string Key, LocationInfo? Location, EquatableArray<GuardSite> Guards)> locations)
    {
        var byKey = locations.GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.First());
        foreach (var unit in units)
        {
            var (_, method, guards) = byKey.TryGetValue(unit.Key, out var l) ? l : default;
            Report(context, unit.Diagnostics.Select(d => d.At(GuardSite.Locate(d, guards, method))).ToEquatableArray());
        }
    }
}
