using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;

namespace ActGen.Generator.Calculus;

/// <summary>
/// Replaces calls to other activations by their bodies (composition), reporting recursion and broken callees. Its
/// diagnostics carry no location: the generator places them at the activation's method.
/// </summary>
internal static class Inliner
{
    public static (Expr? Body, DiagnosticInfo? Error) Inline(ActivationModel model, IReadOnlyDictionary<string, ActivationModel> known) =>
        Inline(model.Body, model, known, ImmutableStack.Create(model.Key));

    private static (Expr? Body, DiagnosticInfo? Error) Inline(
        Expr e, ActivationModel root, IReadOnlyDictionary<string, ActivationModel> known, ImmutableStack<string> callers)
    {
        if (e is not Apply apply)
        {
            var children = Traversal.Children(e).Select(c => Inline(c, root, known, callers)).ToList();
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
            return (null, Error(Descriptors.RecursiveActivation, root, root.Name, ShortName(apply.Target)));
        }

        if (!known.TryGetValue(apply.Target, out var callee))
        {
            return (null, Error(Descriptors.CalleeHasErrors, root, root.Name, ShortName(apply.Target)));
        }

        var (args, argError) = InlineArgs(apply, root, known, callers);
        if (argError is not null)
        {
            return (null, argError);
        }

        var (calleeBody, calleeError) = Inline(callee.Body, root, known, callers.Push(apply.Target));
        if (calleeError is not null)
        {
            return (null, calleeError);
        }

        var names = new[] { callee.Input }.Concat(callee.Parameters.Select(p => p.Name));
        var bindings = names.Zip(args!, (name, arg) => new KeyValuePair<string, Expr>(name, arg)).ToImmutableDictionary();
        return (Substitution.Substitute(calleeBody!, bindings), null);
    }

    private static (IReadOnlyList<Expr>? Args, DiagnosticInfo? Error) InlineArgs(
        Apply apply, ActivationModel root, IReadOnlyDictionary<string, ActivationModel> known, ImmutableStack<string> callers)
    {
        var args = apply.Args.Select(a => Inline(a, root, known, callers)).ToList();
        var error = args.Select(a => a.Error).FirstOrDefault(d => d is not null);
        return error is null ? (args.Select(a => a.Body!).ToList(), null) : (null, error);
    }

    private static DiagnosticInfo Error(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, ActivationModel root, params string[] args) =>
        new(descriptor, null, args.ToEquatableArray());

    private static string ShortName(string key) => key.Replace("global::", "");
}
