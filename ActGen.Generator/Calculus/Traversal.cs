using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Calculus;

/// <summary>Generic structural helpers over the IR.</summary>
internal static class Traversal
{
    /// <summary>Rebuilds <paramref name="e"/> with <paramref name="f"/> applied to each direct child.</summary>
    public static Expr MapChildren(Expr e, Func<Expr, Expr> f) => e switch
    {
        Num or Ref => e,
        Unary u => u with { Arg = f(u.Arg) },
        Binary b => b with { Left = f(b.Left), Right = f(b.Right) },
        Compare c => c with { Left = f(c.Left), Right = f(c.Right) },
        Logic l => l with { Left = f(l.Left), Right = f(l.Right) },
        Not n => n with { Operand = f(n.Operand) },
        If i => i with { Condition = f(i.Condition), Then = f(i.Then), Else = f(i.Else) },
        Let l => l with { Value = f(l.Value), Body = f(l.Body) },
        Apply a => a with { Args = a.Args.Select(f).ToEquatableArray() },
        _ => throw new InvalidOperationException($"Unknown IR node {e.GetType().Name}"),
    };

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

    /// <summary>Every node, parents before children.</summary>
    public static IEnumerable<Expr> Nodes(Expr e) => new[] { e }.Concat(Children(e).SelectMany(Nodes));

    public static bool Mentions(Expr e, string name) => Nodes(e).Any(n => n is Ref r && r.Name == name);

    public static bool IsBoolean(Expr e) => e is Compare or Logic or Not;

    public static int Size(Expr e) => 1 + Children(e).Sum(Size);

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
