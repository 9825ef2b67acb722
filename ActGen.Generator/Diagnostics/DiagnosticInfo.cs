using System.Linq;
using ActGen.Generator.Ir;
using Microsoft.CodeAnalysis;

namespace ActGen.Generator.Diagnostics;

/// <summary>A diagnostic as equatable data, turned into a Roslyn <see cref="Diagnostic"/> only when reported.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SyntaxNode node, params string[] arguments) =>
        new(descriptor, LocationInfo.From(node), arguments.ToEquatableArray());

    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    /// <summary>This diagnostic at <paramref name="location"/> where it has none of its own.</summary>
    public DiagnosticInfo At(LocationInfo? location) => Location is null ? this with { Location = location } : this;

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), Arguments.Cast<object>().ToArray());
}
