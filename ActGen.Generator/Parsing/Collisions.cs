using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;
using ActGen.Generator.Naming;
using Microsoft.CodeAnalysis;

namespace ActGen.Generator.Parsing;

/// <summary>
/// Names the user must change before ActGen can add its members: another [Activation] overload of the same name, a
/// member of the class spelled like a generated one, two learnable parameters whose generated names coincide.
/// Each is one error at the user's own declaration.
/// </summary>
internal static class Collisions
{
    public static IEnumerable<DiagnosticInfo> Find(IMethodSymbol method, IReadOnlyList<ParameterModel> parameters, bool torch) =>
        Overload(method).Concat(Members(method, parameters, torch)).Concat(Parameters(method, parameters));

    /// <summary>Every [Activation] overload but the first in source order is an error (the first is generated).</summary>
    private static IEnumerable<DiagnosticInfo> Overload(IMethodSymbol method)
    {
        var first = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>()
            .Where(CallParser.IsActivation)
            .OrderBy(m => m.Locations.FirstOrDefault()?.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(m => m.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0)
            .First();
        return SymbolEqualityComparer.Default.Equals(first, method)
            ? []
            : [At(Descriptors.OverloadedActivation, method, method.Name)];
    }

    private static IEnumerable<DiagnosticInfo> Members(IMethodSymbol method, IReadOnlyList<ParameterModel> parameters, bool torch)
    {
        var learnable = parameters.Where(p => p.Kind == ParameterKind.Learnable).Select(p => p.Name);
        return MemberNames.All(method.Name, learnable, torch)
            .SelectMany(generated => method.ContainingType.GetMembers(generated.Name)
                .Where(m => !m.IsImplicitlyDeclared)
                .Take(1)
                .Select(user => At(Descriptors.MemberCollision, user, user.Name, method.Name, generated.What)));
    }

    /// <summary>Learnable <c>a</c> and <c>A</c> would both generate <c>FDerivativeA</c>.</summary>
    private static IEnumerable<DiagnosticInfo> Parameters(IMethodSymbol method, IReadOnlyList<ParameterModel> parameters) =>
        parameters.Where(p => p.Kind == ParameterKind.Learnable)
            .GroupBy(p => Identifiers.Pascal(p.Name))
            .Where(g => g.Count() > 1)
            .Select(g => g.Skip(1).First())
            .Select(p => At(
                Descriptors.ParameterCollision,
                method.Parameters.First(s => s.Name == p.Name),
                p.Name,
                method.Name,
                MemberNames.ParameterDerivative(method.Name, p.Name),
                parameters.First(q => Identifiers.Pascal(q.Name) == Identifiers.Pascal(p.Name)).Name));

    private static DiagnosticInfo At(DiagnosticDescriptor descriptor, ISymbol symbol, params string[] arguments) =>
        new(descriptor, symbol.Locations.FirstOrDefault() is { } l ? LocationInfo.From(l) : null, arguments.ToEquatableArray());
}
