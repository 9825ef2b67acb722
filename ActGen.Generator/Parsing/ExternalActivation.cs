using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActGen.Generator.Parsing;

/// <summary>
/// A call to an activation compiled into another assembly (the built-in catalog, a user library) is inlined from
/// the definition its generator stored there in an <c>ActivationSource</c> assembly attribute; the calls that
/// definition keeps are inlined from their own attributes in turn.
/// </summary>
internal static class ExternalActivation
{
    public static Parsed<Expr> Inline(
        InvocationExpressionSyntax call,
        IMethodSymbol callee,
        string caller,
        IReadOnlyList<Parsed<Expr>> arguments)
    {
        var key = CallParser.KeyOf(callee);
        var sources = Sources(callee.ContainingAssembly);
        var body = sources.TryGetValue(key, out var source) && source.Parameters.Count == callee.Parameters.Length - 1
            ? Expand(source.Body, sources, new Dictionary<string, Expr?>())
            : null;
        if (body is null)
        {
            return Parsed.Failure<Expr>(DiagnosticInfo.Create(Descriptors.CalleeHasErrors, call, caller, key.Replace("global::", "")));
        }

        return Parsed.All<Expr, Expr>(arguments, args => Bind(source!, body, args));
    }

    private static IReadOnlyDictionary<string, ActivationSource> Sources(IAssemblySymbol assembly) =>
        assembly.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == ActivationSource.AttributeType && a.ConstructorArguments.Length == 2)
            .Select(a => (
                Key: a.ConstructorArguments[0].Value as string,
                Source: ActivationSource.TryDecode(a.ConstructorArguments[1].Value as string ?? "")))
            .Where(s => s.Key is not null && s.Source is not null)
            .GroupBy(s => s.Key!)
            .ToDictionary(g => g.Key, g => g.First().Source!);

    /// <summary>The body with every call replaced by its callee's body; null where a callee has no definition.</summary>
    private static Expr? Expand(Expr e, IReadOnlyDictionary<string, ActivationSource> sources, Dictionary<string, Expr?> expanded)
    {
        var children = Traversal.Children(e).Select(c => Expand(c, sources, expanded)).ToList();
        if (children.Any(c => c is null))
        {
            return null;
        }

        var queue = new Queue<Expr>(children!);
        var mapped = Traversal.MapChildren(e, _ => queue.Dequeue());
        if (mapped is not Apply apply)
        {
            return mapped;
        }

        if (!expanded.TryGetValue(apply.Target, out var body))
        {
            expanded[apply.Target] = null;
            body = sources.TryGetValue(apply.Target, out var s) ? Expand(s.Body, sources, expanded) : null;
            expanded[apply.Target] = body;
        }

        return body is null ? null : Bind(sources[apply.Target], body, apply.Args);
    }

    private static Expr Bind(ActivationSource source, Expr body, IReadOnlyList<Expr> args)
    {
        var names = new[] { source.Input }.Concat(source.Parameters);
        var bindings = names.Zip(args, (name, arg) => new KeyValuePair<string, Expr>(name, arg)).ToImmutableDictionary();
        return Substitution.Substitute(body, bindings);
    }
}
