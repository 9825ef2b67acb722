using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Calculus;

/// <summary>Generic structural helpers over the IR.</summary>
internal static class Traversal
{
    /// <summary>
    /// Rebuilds <paramref name="e"/> with <paramref name="f"/> applied to each direct child; <paramref name="e"/> itself
    /// where every child comes back as the same object, so a pass that changes nothing keeps what the DAG shares.
    /// </summary>
    public static Expr MapChildren(Expr e, Func<Expr, Expr> f) => e switch
    {
        Num or Ref => e,
        Unary u => f(u.Arg) is var arg && Same(arg, u.Arg) ? e : u with { Arg = arg },
        Binary b => (f(b.Left), f(b.Right)) is var (l, r) && Same(l, b.Left) && Same(r, b.Right) ? e : b with { Left = l, Right = r },
        Compare c => (f(c.Left), f(c.Right)) is var (l, r) && Same(l, c.Left) && Same(r, c.Right) ? e : c with { Left = l, Right = r },
        Logic g => (f(g.Left), f(g.Right)) is var (l, r) && Same(l, g.Left) && Same(r, g.Right) ? e : g with { Left = l, Right = r },
        Not n => f(n.Operand) is var operand && Same(operand, n.Operand) ? e : n with { Operand = operand },
        If i => (f(i.Condition), f(i.Then), f(i.Else)) is var (c, t, o) && Same(c, i.Condition) && Same(t, i.Then) && Same(o, i.Else)
            ? e
            : i with { Condition = c, Then = t, Else = o },
        Let l => (f(l.Value), f(l.Body)) is var (v, b) && Same(v, l.Value) && Same(b, l.Body) ? e : l with { Value = v, Body = b },
        Apply a => a.Args.Select(f).ToList() is var args && args.Zip(a.Args, Same).All(same => same)
            ? e
            : a with { Args = args.ToEquatableArray() },
        _ => throw new InvalidOperationException($"Unknown IR node {e.GetType().Name}"),
    };

    private static bool Same(Expr a, Expr b) => ReferenceEquals(a, b);

    public static IEnumerable<Expr> Children(Expr e) => e switch
    {
        Num or Ref => [],
        Unary u => [u.Arg],
        Binary b => [b.Left, b.Right],
        Compare c => [c.Left, c.Right],
        Logic l => [l.Left, l.Right],
        Not n => [n.Operand],
        If i => [i.Condition, i.Then, i.Else],
        Let l => [l.Value, l.Body],
        Apply a => a.Args,
        _ => throw new InvalidOperationException($"Unknown IR node {e.GetType().Name}"),
    };

    /// <summary>
    /// Every node, parents before children: each object once, as a shared subexpression is one node of the DAG (what
    /// the callers ask, whether some node is or all nodes are of a kind, does not depend on how many paths reach it).
    /// </summary>
    public static IEnumerable<Expr> Nodes(Expr e) => Sharing.FirstOccurrences(e);

    public static bool Mentions(Expr e, string name) => Nodes(e).Any(n => n is Ref r && r.Name == name);

    public static bool IsBoolean(Expr e) => e is Compare or Logic or Not;

    /// <summary>
    /// The nodes of <paramref name="e"/> written out as a tree (a shared subexpression counted at each use), at most
    /// <see cref="int.MaxValue"/>, counted on the DAG.
    /// </summary>
    public static int Size(Expr e) =>
        (int)Math.Min(int.MaxValue, Sharing.Memoised<long>((node, size) => Math.Min(int.MaxValue, 1 + Children(node).Sum(size)))(e));

    /// <summary>
    /// Whether <paramref name="e"/> has more than <paramref name="limit"/> nodes once its lets are written out (each use of
    /// a local counted as its value) and a shared subtree counted at each use: at most limit + 1 nodes are visited, and
    /// nothing is built, so it stays cheap on a tree that shares exponentially many paths.
    /// </summary>
    public static bool LargerThan(Expr e, int limit)
    {
        var budget = limit;
        bool Visit(Expr node, ImmutableDictionary<string, LetScope> lets) => node switch
        {
            Let l => Visit(l.Body, lets.SetItem(l.Name, new LetScope(l.Value, lets))),
            Ref r when lets.TryGetValue(r.Name, out var bound) => Visit(bound.Value, bound.Lets),
            _ => --budget < 0 || Children(node).Any(c => Visit(c, lets)),
        };
        return Visit(e, ImmutableDictionary<string, LetScope>.Empty);
    }

    /// <summary>A local's value and the locals in scope where it was bound.</summary>
    private sealed record LetScope(Expr Value, ImmutableDictionary<string, LetScope> Lets);
}
