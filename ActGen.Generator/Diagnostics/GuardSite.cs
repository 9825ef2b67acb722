using System.Collections.Generic;
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
            .Select(c => (Condition: c.Condition, Location: LocationInfo.From(c.Condition)))
            .Where(g => g.Location is not null)
            .SelectMany(g => Compared(g.Condition).Select(name => new GuardSite(name, g.Location!)))
            .Distinct()
            .ToEquatableArray();

    /// <summary>The names inside either side of an equality in the condition (<c>a == 0</c>, <c>β * x == 0</c>, <c>x == 0 &amp;&amp; a == 1</c>).</summary>
    private static IEnumerable<string> Compared(ExpressionSyntax condition) =>
        condition.DescendantNodesAndSelf()
            .OfType<BinaryExpressionSyntax>()
            .Where(b => b.IsKind(SyntaxKind.EqualsExpression) || b.IsKind(SyntaxKind.NotEqualsExpression))
            .SelectMany(b => new[] { b.Left, b.Right })
            .SelectMany(side => side.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            .Select(name => name.Identifier.ValueText);

    /// <summary>The guard's location for an ACTGEN017 about its variable; else <paramref name="method"/>.</summary>
    public static LocationInfo? Locate(DiagnosticInfo diagnostic, EquatableArray<GuardSite> guards, LocationInfo? method) =>
        diagnostic.Descriptor.Id == Descriptors.GuardLimitNotFound.Id
            && guards.FirstOrDefault(g => g.Variable == diagnostic.Arguments[1]) is { } guard
            ? guard.Location
            : method;
}
