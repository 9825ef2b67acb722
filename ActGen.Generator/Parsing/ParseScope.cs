using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ActGen.Generator.Parsing;

/// <summary>What an expression may refer to while it is parsed.</summary>
internal sealed record ParseScope(
    SemanticModel Model,
    IMethodSymbol Method,
    ImmutableHashSet<string> Names,
    CancellationToken CancellationToken)
{
    public ParseScope WithLocal(string name) => this with { Names = Names.Add(name) };
}
