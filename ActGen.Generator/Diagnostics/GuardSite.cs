using System.Linq;
using ActGen.Generator.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActGen.Generator.Diagnostics;

/// <summary>
/// Where a method compares a name for equality in a <c>?:</c> (<c>alpha == 0 ? … : …</c>): ACTGEN017 is found after
/// lowering, which holds no locations, and is reported here, at the first guard on its variable.
/// </summary>
internal sealed record GuardSite(string Variable, LocationInfo Location)
{
    public static EquatableArray<GuardSite> Of(MethodDeclarationSyntax method) =>
        method.DescendantNodes()
            .OfType<ConditionalExpressionSyntax>()
            .Select(c => (Condition: Unwrapped(c.Condition) as BinaryExpressionSyntax, Location: LocationInfo.From(c.Condition)))
            .Where(g => g.Condition is not null && g.Location is not null
                && (g.Condition.IsKind(SyntaxKind.EqualsExpression) || g.Condition.IsKind(SyntaxKind.NotEqualsExpression)))
            .SelectMany(g => new[] { g.Condition!.Left, g.Condition.Right }
                .Select(Unwrapped)
                .OfType<IdentifierNameSyntax>()
                .Select(name => new GuardSite(name.Identifier.ValueText, g.Location!)))
            .ToEquatableArray();

    /// <summary>The guard's location for an ACTGEN017 about its variable; else <paramref name="method"/>.</summary>
    public static LocationInfo? Locate(DiagnosticInfo diagnostic, EquatableArray<GuardSite> guards, LocationInfo? method) =>
        diagnostic.Descriptor.Id == Descriptors.GuardLimitNotFound.Id
            && guards.FirstOrDefault(g => g.Variable == diagnostic.Arguments[1]) is { } guard
            ? guard.Location
            : method;

    private static ExpressionSyntax Unwrapped(ExpressionSyntax e) => e is ParenthesizedExpressionSyntax p ? Unwrapped(p.Expression) : e;
}
