using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Calculus;

/// <summary>
/// Expressions as the DAGs they are. A derivative refers to its argument more than once (tanh′ = 1 − tanh²), so the
/// tree written out can be exponentially larger than the objects that make it up; a pass that walks it as a tree, or
/// compares and hashes it structurally, pays for every path. Here equal subexpressions become one object
/// (hash-consing), and passes memoise by reference, so each distinct subexpression costs once.
/// </summary>
internal static class Sharing
{
    /// <summary>Identity, not structure: what a memo over a shared DAG needs.</summary>
    public static readonly IEqualityComparer<Expr> ByReference = new ReferenceComparer();

    /// <summary><paramref name="e"/> with every class of equal subexpressions one object (see <see cref="Interner"/>).</summary>
    public static Expr Canonical(Expr e) => new Interner().Canonical(e);

    /// <summary>
    /// A table of canonical objects: expressions made canonical by one interner are equal exactly when they are the same
    /// object. Linear in the objects an expression holds, as a node is compared with others by its own fields and its
    /// (already canonical) children's identity.
    /// </summary>
    public sealed class Interner
    {
        private readonly Dictionary<Key, Expr> table = [];
        private readonly Dictionary<Expr, Expr> memo = new(ByReference);

        public Expr Canonical(Expr node)
        {
            if (memo.TryGetValue(node, out var known))
            {
                return known;
            }

            var rebuilt = Traversal.MapChildren(node, Canonical);
            var key = new Key(Traversal.MapChildren(rebuilt, _ => Hole), Traversal.Children(rebuilt).ToArray());
            if (!table.TryGetValue(key, out var canonical))
            {
                canonical = rebuilt;
                table.Add(key, canonical);
            }

            memo[node] = canonical;
            memo[canonical] = canonical;
            return canonical;
        }
    }

    /// <summary>Each distinct object once, in the order a preorder walk of the tree first meets it.</summary>
    public static IReadOnlyList<Expr> FirstOccurrences(Expr e)
    {
        var seen = new HashSet<Expr>(ByReference);
        var order = new List<Expr>();

        void Visit(Expr node)
        {
            if (seen.Add(node))
            {
                order.Add(node);
                foreach (var child in Traversal.Children(node))
                {
                    Visit(child);
                }
            }
        }

        Visit(e);
        return order;
    }

    /// <summary>Each distinct object once, every parent before its children (reverse postorder).</summary>
    public static IReadOnlyList<Expr> ParentsFirst(Expr e)
    {
        var seen = new HashSet<Expr>(ByReference);
        var postorder = new List<Expr>();

        void Visit(Expr node)
        {
            if (seen.Add(node))
            {
                foreach (var child in Traversal.Children(node))
                {
                    Visit(child);
                }

                postorder.Add(node);
            }
        }

        Visit(e);
        postorder.Reverse();
        return postorder;
    }

    /// <summary>
    /// A function of the DAG computed once per distinct object: <paramref name="f"/> gets the node and the memoised
    /// function itself, for the children.
    /// </summary>
    public static Func<Expr, T> Memoised<T>(Func<Expr, Func<Expr, T>, T> f)
    {
        var memo = new Dictionary<Expr, T>(ByReference);

        T Go(Expr node)
        {
            if (!memo.TryGetValue(node, out var value))
            {
                value = f(node, Go);
                memo.Add(node, value);
            }

            return value;
        }

        return Go;
    }

    /// <summary>Stands for every child in a node's shell, so the shell's own equality compares the node's other fields only.</summary>
    private static readonly Expr Hole = new Ref("\0hole");

    /// <summary>A node as its shell (children replaced by <see cref="Hole"/>) and its children, compared by identity.</summary>
    private sealed class Key(Expr shell, Expr[] children) : IEquatable<Key>
    {
        private readonly int hash = children.Aggregate(shell.GetHashCode(), (h, c) => unchecked((h * 31) + RuntimeHelpers.GetHashCode(c)));

        public Expr Shell => shell;

        public Expr[] Children => children;

        public bool Equals(Key? other) =>
            other is not null && hash == other.hash && SameShell(Shell, other.Shell) && Children.SequenceEqual(other.Children, ByReference);

        /// <summary>Numbers by their bits: a record's equality takes 0 for −0, which 1/x tells apart (NaN is NaN either way).</summary>
        private static bool SameShell(Expr a, Expr b) =>
            a is Num x && b is Num y ? BitConverter.DoubleToInt64Bits(x.Value) == BitConverter.DoubleToInt64Bits(y.Value) : a.Equals(b);

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => hash;
    }

    private sealed class ReferenceComparer : IEqualityComparer<Expr>
    {
        public bool Equals(Expr? x, Expr? y) => ReferenceEquals(x, y);

        public int GetHashCode(Expr obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
