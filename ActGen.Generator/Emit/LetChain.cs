using System.Collections.Generic;
using ActGen.Generator.Calculus;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Emit;

/// <summary>A body as emitted: local bindings in order (internal names), then the result expression.</summary>
internal sealed record LetChain(IReadOnlyList<(string Name, Expr Value)> Locals, Expr Result)
{
    /// <summary>Shares repeated subexpressions (CSE) and splits the resulting top-level lets.</summary>
    public static LetChain Of(Expr e)
    {
        var shared = CommonSubexpressions.Eliminate(e);
        var locals = new List<(string, Expr)>();
        while (shared is Let let)
        {
            locals.Add((let.Name, let.Value));
            shared = let.Body;
        }

        return new LetChain(locals, shared);
    }
}
