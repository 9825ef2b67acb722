using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActGen.Generator.Parsing;

/// <summary>One <c>[Activation]</c> method → an <see cref="ActivationModel"/> or its diagnostics. Never throws for user code.</summary>
internal static class ActivationParser
{
    /// <summary>Tensor members are generated only where ActGen's TorchSharp glue (and so TorchSharp) is referenced.</summary>
    public const string TorchGlueType = "ActGen.Torch.ActivationFunction`1";

    /// <summary>Names as .NET spells them (<c>class.event</c>, not <c>@class.@event</c>): the registry's owner is the type's full name.</summary>
    private static readonly SymbolDisplayFormat Unescaped =
        new(typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        // A partial method is one activation whichever part carries the attribute: its defining part, as the class's
        // members and every call site name it.
        var target = (IMethodSymbol)context.TargetSymbol;
        var method = target.PartialDefinitionPart ?? target;
        var location = LocationInfo.From(((MethodDeclarationSyntax)context.TargetNode).Identifier.GetLocation());
        try
        {
            return ParseUnsafe(context, method, location, cancellationToken);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            return new ParseResult(CallParser.KeyOf(method), null, EquatableArray.Of(InternalError.Of(method.Name, location, e)), location);
        }
    }

    private static ParseResult ParseUnsafe(
        GeneratorAttributeSyntaxContext context,
        IMethodSymbol method,
        LocationInfo? location,
        CancellationToken cancellationToken)
    {
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var (bodySyntax, bodyModel) = Body(syntax, method, context.SemanticModel, cancellationToken);
        var key = CallParser.KeyOf(method);
        ParseResult Failed(EquatableArray<DiagnosticInfo> errors) => new(key, null, errors, location);
        if (syntax.ContainsDiagnostics || bodySyntax.ContainsDiagnostics)
        {
            // Mid-typing ('=> Math.Exp(' ): the compiler reports the syntax error; a message of ActGen's would mislead.
            return Failed(EquatableArray<DiagnosticInfo>.Empty);
        }

        var shapeErrors = SignatureParser.CheckClass(syntax, method).Concat(SignatureParser.CheckMethod(syntax, method)).ToList();
        if (shapeErrors.Count > 0)
        {
            return Failed(shapeErrors.ToEquatableArray());
        }

        var parameters = method.Parameters.Skip(1).Select(p => SignatureParser.ParseParameter(p, method)).ToList();
        var names = method.Parameters.Select(p => p.Name).ToImmutableHashSet();
        var body = BodyParser.Parse(bodySyntax, new ParseScope(bodyModel, method, names, cancellationToken));
        var errors = parameters.SelectMany(p => p.Diagnostics).Concat(body.Diagnostics).ToList();
        var warnings = errors.Where(e => e.Descriptor.DefaultSeverity != DiagnosticSeverity.Error).ToList();
        if (errors.Count > warnings.Count || body.Value is null || parameters.Any(p => p.Value is null))
        {
            return Failed(errors.ToEquatableArray());
        }

        var models = parameters.Select(p => p.Value!).ToList();
        var torch = context.SemanticModel.Compilation.GetTypeByMetadataName(TorchGlueType) is not null;
        var collisions = Collisions.Find(method, models, torch).ToList();
        if (collisions.Count > 0)
        {
            return Failed(collisions.Concat(warnings).ToEquatableArray());
        }

        var type = method.ContainingType;
        var site = new ActivationSite(
            type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(Unescaped),
            type.Name,
            SignatureParser.Accessibility(type.DeclaredAccessibility),
            SignatureParser.Accessibility(method.DeclaredAccessibility));
        var model = new ActivationModel(key, method.Name, site, method.Parameters[0].Name, models.ToEquatableArray(), body.Value!);
        return new ParseResult(key, model, warnings.ToEquatableArray(), location) { Guards = GuardSite.Of(bodySyntax) };
    }

    /// <summary>
    /// The declaration that holds the body, and the semantic model of its file: the attributed one, or for a partial
    /// method whose attribute is on the defining part, the implementing part (perhaps in another file). The transform
    /// runs again on every compilation, so an edit to that other file is seen.
    /// </summary>
    private static (MethodDeclarationSyntax Syntax, SemanticModel Model) Body(
        MethodDeclarationSyntax attributed, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken) =>
        attributed is { Body: null, ExpressionBody: null }
        && method.PartialImplementationPart?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken)
            is MethodDeclarationSyntax implementation
            ? (implementation, implementation.SyntaxTree == attributed.SyntaxTree
                ? model
                : model.Compilation.GetSemanticModel(implementation.SyntaxTree))
            : (attributed, model);
}
