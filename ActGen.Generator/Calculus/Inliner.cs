using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;

namespace ActGen.Generator.Calculus;

/// <summary>
/// Resolves calls to other activations (composition), reporting recursion and broken callees. A small callee is
/// inlined; a large one of the same class stays a call (<see cref="Apply"/>) to its generated members, so cost grows
/// with the source, not with the number of paths through it. Each callee is resolved once per activation. Its
/// diagnostics carry no location: the generator places them at the activation's method.
/// </summary>
internal static class Inliner
{
    /// <summary>A callee whose resolved body is larger than this many nodes is called, not copied.</summary>
    public const int CallThreshold = 48;

    public sealed record Result(Expr? Body, DiagnosticInfo? Error, IReadOnlyDictionary<string, Expr> Resolved);

    public static Result Inline(ActivationModel model, IReadOnlyDictionary<string, ActivationModel> known)
    {
        var resolved = new Dictionary<string, Expr>();
        var (body, error) = Resolve(model.Body, model, known, ImmutableStack.Create(model.Key), resolved);
        return new Result(body, error, resolved);
    }

    private static (Expr? Body, DiagnosticInfo? Error) Resolve(
        Expr e,
        ActivationModel root,
        IReadOnlyDictionary<string, ActivationModel> known,
        ImmutableStack<string> callers,
        Dictionary<string, Expr> resolved)
    {
        if (e is not Apply apply)
        {
            var children = Traversal.Children(e).Select(c => Resolve(c, root, known, callers, resolved)).ToList();
            var error = children.Select(c => c.Error).FirstOrDefault(d => d is not null);
            if (error is not null)
            {
                return (null, error);
            }

            var queue = new Queue<Expr>(children.Select(c => c.Body!));
            return (Traversal.MapChildren(e, _ => queue.Dequeue()), null);
        }

        if (callers.Contains(apply.Target))
        {
            return (null, Error(Descriptors.RecursiveActivation, root.Name, ShortName(apply.Target)));
        }

        if (!known.TryGetValue(apply.Target, out var callee))
        {
            return (null, Error(Descriptors.CalleeHasErrors, root.Name, ShortName(apply.Target)));
        }

        var args = apply.Args.Select(a => Resolve(a, root, known, callers, resolved)).ToList();
        if (args.Select(a => a.Error).FirstOrDefault(d => d is not null) is { } argError)
        {
            return (null, argError);
        }

        if (!resolved.TryGetValue(apply.Target, out var calleeBody))
        {
            var (body, calleeError) = Resolve(callee.Body, root, known, callers.Push(apply.Target), resolved);
            if (calleeError is not null)
            {
                return (null, calleeError);
            }

            calleeBody = Substitution.InlineLets(body!);
            resolved[apply.Target] = calleeBody;
        }

        var values = args.Select(a => a.Body!).ToList();
        return Calls(callee, root, calleeBody)
            ? (new Apply(apply.Target, values.ToEquatableArray()), null)
            : (Bind(callee, calleeBody, values), null);
    }

    /// <summary>Large callees of the activation's own class are called (their generated members are in reach).</summary>
    private static bool Calls(ActivationModel callee, ActivationModel root, Expr calleeBody) =>
        callee.Site == root.Site && Traversal.Size(calleeBody) > CallThreshold;

    /// <summary>The callee's body with its input and parameters replaced by the arguments.</summary>
    public static Expr Bind(ActivationModel callee, Expr calleeBody, IReadOnlyList<Expr> args)
    {
        var names = new[] { callee.Input }.Concat(callee.Parameters.Select(p => p.Name));
        var bindings = names.Zip(args, (name, arg) => new KeyValuePair<string, Expr>(name, arg)).ToImmutableDictionary();
        return Substitution.Substitute(calleeBody, bindings);
    }

    private static DiagnosticInfo Error(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] args) =>
        new(descriptor, null, args.ToEquatableArray());

    private static string ShortName(string key) => key.Replace("global::", "");
}
