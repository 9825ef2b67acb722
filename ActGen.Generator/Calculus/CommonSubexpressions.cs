using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Calculus;

/// <summary>
/// Binds every subexpression that occurs more than once to an internal local (<c>$t0</c>, <c>$t1</c>, …, spelled by
/// the namer), smallest first, so each is computed once. The result is a chain of top-level <see cref="Let"/>s over a let-free body.
/// </summary>
internal static class CommonSubexpressions
{
    public static Expr Eliminate(Expr e)
    {
        var bindings = ImmutableList<(string Name, Expr Value)>.Empty;
        var body = e;
        var names = Enumerable.Range(0, int.MaxValue).Select(i => Naming.Namer.InternalName($"t{i}")).GetEnumerator();
        while (MostUsefulRepeat(bindings.Select(b => b.Value).Append(body)) is { } repeat)
        {
            names.MoveNext();
            var local = new Ref(names.Current);
            bindings = bindings.Select(b => (b.Name, Replace(b.Value, repeat, local))).ToImmutableList()
                .Add((names.Current, repeat));
            body = Replace(body, repeat, local);
        }

        return bindings.Reverse().Aggregate(body, (inner, binding) => new Let(binding.Name, binding.Value, inner));
    }

    private static Expr? MostUsefulRepeat(IEnumerable<Expr> roots)
    {
        var nodes = roots.SelectMany(Traversal.Nodes).Where(IsWorthBinding).ToList();
        return nodes
            .GroupBy(n => n)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .OrderBy(Traversal.Size)
            .ThenBy(nodes.IndexOf)
            .FirstOrDefault();
    }

    /// <summary>Numbers only: comparisons are cheap, and a boolean local would need its own type in every back end.</summary>
    private static bool IsWorthBinding(Expr e) =>
        e is not (Num or Ref or Unary { Op: UnaryOp.Neg, Arg: Ref or Num }) && !Traversal.IsBoolean(e);

    private static Expr Replace(Expr e, Expr target, Expr replacement) =>
        e.Equals(target) ? replacement : Traversal.MapChildren(e, child => Replace(child, target, replacement));
}
