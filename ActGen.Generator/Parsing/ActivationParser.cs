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
    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return ParseUnsafe(context, cancellationToken);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            var method = (IMethodSymbol)context.TargetSymbol;
            var location = LocationInfo.From(((MethodDeclarationSyntax)context.TargetNode).Identifier.GetLocation());
            return new ParseResult(CallParser.KeyOf(method), null, EquatableArray.Of(InternalError.Of(method.Name, location, e)));
        }
    }

    private static ParseResult ParseUnsafe(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var method = (IMethodSymbol)context.TargetSymbol;
        var key = CallParser.KeyOf(method);
        var shapeErrors = SignatureParser.CheckClass(syntax, method).Concat(SignatureParser.CheckMethod(syntax, method)).ToList();
        if (shapeErrors.Count > 0)
        {
            return new ParseResult(key, null, shapeErrors.ToEquatableArray());
        }

        var parameters = method.Parameters.Skip(1).Select(p => SignatureParser.ParseParameter(p, method)).ToList();
        var names = method.Parameters.Select(p => p.Name).ToImmutableHashSet();
        var body = BodyParser.Parse(syntax, new ParseScope(context.SemanticModel, method, names, cancellationToken));
        var errors = parameters.SelectMany(p => p.Errors).Concat(body.Errors).ToEquatableArray();
        if (errors.Count > 0)
        {
            return new ParseResult(key, null, errors);
        }

        var type = method.ContainingType;
        var site = new ActivationSite(
            type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            SignatureParser.Accessibility(type.DeclaredAccessibility),
            SignatureParser.Accessibility(method.DeclaredAccessibility));
        var model = new ActivationModel(
            key,
            method.Name,
            site,
            method.Parameters[0].Name,
            parameters.Select(p => p.Value!).ToEquatableArray(),
            body.Value!,
            LocationInfo.From(syntax.Identifier.GetLocation()));
        return new ParseResult(key, model, EquatableArray<DiagnosticInfo>.Empty);
    }
}
