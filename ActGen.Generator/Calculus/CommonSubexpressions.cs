using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Calculus;

/// <summary>
/// Binds every subexpression that occurs more than once to an internal local (<c>$t0</c>, <c>$t1</c>, …, spelled by
/// the namer), smallest first, so each is computed once. The result is a chain of top-level <see cref="Let"/>s over a let-free body.
/// </summary>
/// <remarks>
/// One pass over the DAG (see <see cref="Sharing"/>), not one walk of the written-out tree per local: a repeat is an
/// object reached by more than one path. Binding the smallest first binds exactly those worth binding, each at the
/// size it has once the smaller repeats inside it are locals, ties going to the one met first in preorder.
/// </remarks>
internal static class CommonSubexpressions
{
    public static Expr Eliminate(Expr e)
    {
        var root = Sharing.Canonical(e);
        var repeated = Repeated(root);
        var isLocal = Sharing.Memoised<bool>((node, local) => repeated.Contains(node) && IsWorthBinding(node, local));
        var locals = Order(root, isLocal);
        var names = locals
            .Select((node, i) => (node, Name: Naming.Namer.InternalName($"t{i}")))
            .ToDictionary(p => p.node, p => p.Name, Sharing.ByReference);
        var written = Sharing.Memoised<Expr>((node, of) => Traversal.MapChildren(node, c => isLocal(c) ? new Ref(names[c]) : of(c)));
        return Enumerable.Range(0, locals.Count).Reverse()
            .Aggregate(written(root), (inner, i) => new Let(names[locals[i]], written(locals[i]), inner));
    }

    /// <summary>
    /// The locals in the order they are bound: the smallest first, its size counted with the locals inside it as names,
    /// ties to the one met first in preorder. A local is ready once every local inside it is bound, and the smallest
    /// unbound one is always ready (what is inside it is smaller still), so this is a topological order taken smallest first.
    /// </summary>
    private static List<Expr> Order(Expr root, System.Func<Expr, bool> isLocal)
    {
        var firstSeen = Sharing.FirstOccurrences(root);
        var position = firstSeen.Select((node, i) => (node, i)).ToDictionary(p => p.node, p => p.i, Sharing.ByReference);
        var size = Sharing.Memoised<long>((node, of) => 1 + Traversal.Children(node).Sum(c => isLocal(c) ? 1 : of(c)));
        var inside = Sharing.Memoised<HashSet<Expr>>((node, of) => new HashSet<Expr>(
            Traversal.Children(node).SelectMany(c => isLocal(c) ? new[] { c } : (IEnumerable<Expr>)of(c)), Sharing.ByReference));
        var candidates = firstSeen.Where(isLocal).ToList();
        var waiting = candidates.ToDictionary(c => c, c => inside(c).Count, Sharing.ByReference);
        var enclosing = candidates
            .SelectMany(c => inside(c).Select(d => (Inner: d, Outer: c)))
            .ToLookup(p => p.Inner, p => p.Outer, Sharing.ByReference);
        var ready = new SortedSet<(long Size, int Position)>(candidates.Where(c => waiting[c] == 0).Select(c => (size(c), position[c])));
        var order = new List<Expr>();
        while (ready.Count > 0)
        {
            var next = firstSeen[ready.Min.Position];
            ready.Remove(ready.Min);
            order.Add(next);
            foreach (var outer in enclosing[next])
            {
                waiting[outer]--;
                if (waiting[outer] == 0)
                {
                    ready.Add((size(outer), position[outer]));
                }
            }
        }

        return order;
    }

    /// <summary>The objects the tree reaches more than once (a child of a repeat is one, and so is a child reached twice).</summary>
    private static HashSet<Expr> Repeated(Expr root)
    {
        var paths = new Dictionary<Expr, int>(Sharing.ByReference) { [root] = 1 };
        foreach (var node in Sharing.ParentsFirst(root))
        {
            foreach (var child in Traversal.Children(node))
            {
                paths[child] = System.Math.Min(2, (paths.TryGetValue(child, out var p) ? p : 0) + paths[node]);
            }
        }

        return new HashSet<Expr>(paths.Where(p => p.Value > 1).Select(p => p.Key), Sharing.ByReference);
    }

    /// <summary>
    /// Numbers only: comparisons are cheap, and a boolean local would need its own type in every back end. A negated
    /// name or number is not worth one, nor a negated local.
    /// </summary>
    private static bool IsWorthBinding(Expr e, System.Func<Expr, bool> isLocal) =>
        e is not (Num or Ref) && !Traversal.IsBoolean(e) && !(e is Unary { Op: UnaryOp.Neg } n && (n.Arg is Num or Ref || isLocal(n.Arg)));
}
