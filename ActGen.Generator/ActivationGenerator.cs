using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Emit;
using ActGen.Generator.Model;
using ActGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActGen.Generator;

/// <summary>
/// The ActGen incremental generator: every <c>[Activation]</c> method is parsed into the IR, composed with the
/// activations it calls, differentiated and simplified, and emitted as derivatives and fused kernels.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActivationGenerator : IIncrementalGenerator
{
    /// <summary>Names of the pipeline steps, for caching tests.</summary>
    public static class Steps
    {
        public const string Parse = "ActGen.Parse";
        public const string Lower = "ActGen.Lower";
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

        var units = parsed.Collect()
            .SelectMany(static (all, ct) => Lowering.LowerAll(all, ct).ToList())
            .WithTrackingName(Steps.Lower);

        var torch = context.CompilationProvider
            .Select(static (c, _) => c.GetTypeByMetadataName(TorchGlueType) is not null)
            .WithTrackingName(Steps.Torch);

        context.RegisterSourceOutput(units.Combine(torch), static (spc, pair) => Output(spc, pair.Left, pair.Right));
    }

    /// <summary>Tensor code is generated only where ActGen's TorchSharp glue (and so TorchSharp) is referenced.</summary>
    private const string TorchGlueType = "ActGen.Torch.ActivationFunction`1";

    private static void Output(SourceProductionContext context, GenerationUnit unit, bool torch)
    {
        foreach (var diagnostic in unit.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (unit.Activation is not { } activation)
        {
            return;
        }

        try
        {
            context.AddSource(ActivationFileEmitter.HintName(activation.Model), ActivationFileEmitter.Emit(activation, torch));
            if (torch)
            {
                context.AddSource(TorchEmitter.HintName(activation.Model), TorchEmitter.Emit(activation));
            }
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostics.InternalError.Of(activation.Model.Name, activation.Model.Location, e).ToDiagnostic());
        }
    }
}
