using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActGen.Generator.Parsing;

/// <summary>An expression body, or a block of <c>var</c> lets ending in one <c>return</c>, becomes one IR expression.</summary>
internal static class BodyParser
{
    public static Parsed<Expr> Parse(MethodDeclarationSyntax method, ParseScope scope) => method switch
    {
        { ExpressionBody: { } arrow } => ExpressionParser.Parse(arrow.Expression, scope),
        { Body: { } block } when block.Statements.Count > 0 => ParseStatements(block.Statements.ToList(), scope),
        _ => Parsed.Failure<Expr>(DiagnosticInfo.Create(Descriptors.MissingBody, method.Identifier.Parent!, method.Identifier.ValueText)),
    };

    private static Parsed<Expr> ParseStatements(IReadOnlyList<StatementSyntax> statements, ParseScope scope)
    {
        var first = statements[0];
        var isLast = statements.Count == 1;
        if (isLast && first is ReturnStatementSyntax { Expression: { } result })
        {
            return ExpressionParser.Parse(result, scope);
        }

        var rest = isLast ? null : ParseStatements(statements.Skip(1).ToList(), LetName(first) is { } name ? scope.WithLocal(name) : scope);
        if (!isLast && LetName(first) is { } local)
        {
            var declaration = ((LocalDeclarationStatementSyntax)first).Declaration;
            var type = scope.Model.GetTypeInfo(declaration.Type, scope.CancellationToken).Type;
            var value = ExpressionParser.IsDouble(type)
                ? ExpressionParser.Parse(declaration.Variables[0].Initializer!.Value, scope)
                : Parsed.Failure<Expr>(DiagnosticInfo.Create(
                    Descriptors.IntegerArithmetic,
                    declaration,
                    declaration.ToString(),
                    type?.ToDisplayString() ?? "?"));
            return value.Ok && rest!.Ok
                ? Parsed.Success<Expr>(new Let(local, value.Value!, rest.Value!), value.Diagnostics.Concat(rest.Diagnostics))
                : Parsed.Failure<Expr>(value.Diagnostics.Concat(rest!.Diagnostics));
        }

        var here = DiagnosticInfo.Create(Descriptors.UnsupportedStatement, first, first.ToString().Split('\n')[0].Trim());
        return Parsed.Failure<Expr>(new[] { here }.Concat(rest?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty));
    }

    /// <summary>The name bound by <c>var name = value;</c> (or <c>double</c>/<c>const double</c>), else null.</summary>
    private static string? LetName(StatementSyntax statement) =>
        statement is LocalDeclarationStatementSyntax { Declaration: { Variables.Count: 1 } declaration }
        && declaration.Variables[0].Initializer is not null
            ? declaration.Variables[0].Identifier.ValueText
            : null;
}
