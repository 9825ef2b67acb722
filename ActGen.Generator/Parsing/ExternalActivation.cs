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
/// the definition its generator stored there in an <c>ActivationSource</c> assembly attribute.
/// </summary>
internal static class ExternalActivation
{
    public static Parsed<Expr> Inline(InvocationExpressionSyntax call, IMethodSymbol callee, string caller, IReadOnlyList<Parsed<Expr>> arguments)
    {
        var key = CallParser.KeyOf(callee);
        var source = callee.ContainingAssembly.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == ActivationSource.AttributeType
                        && a.ConstructorArguments.Length == 2
                        && a.ConstructorArguments[0].Value as string == key)
            .Select(a => ActivationSource.TryDecode(a.ConstructorArguments[1].Value as string ?? ""))
            .FirstOrDefault(s => s is not null && s.Parameters.Count == callee.Parameters.Length - 1);
        if (source is null)
        {
            return Parsed.Failure<Expr>(DiagnosticInfo.Create(Descriptors.CalleeHasErrors, call, caller, key.Replace("global::", "")));
        }

        return Parsed.All<Expr, Expr>(arguments, args =>
        {
            var names = new[] { source.Input }.Concat(source.Parameters);
            var bindings = names.Zip(args, (name, arg) => new KeyValuePair<string, Expr>(name, arg)).ToImmutableDictionary();
            return Substitution.Substitute(source.Body, bindings);
        });
    }
}
