using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActGen.Generator.Parsing;

/// <summary>Translates calls: Math and MathX functions become primitives, other activations become <see cref="Apply"/>.</summary>
internal static class CallParser
{
    public static Parsed<Expr> Parse(InvocationExpressionSyntax call, ParseScope scope)
    {
        if (scope.Model.GetSymbolInfo(call, scope.CancellationToken).Symbol is not IMethodSymbol method)
        {
            // The compiler reports a call it cannot resolve; a second message from ActGen would only repeat it.
            return Parsed.Failure<Expr>();
        }

        if (call.ArgumentList.Arguments.Any(a => !a.RefKindKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None)))
        {
            return Parsed.Failure<Expr>(DiagnosticInfo.Create(Descriptors.UnsupportedCall, call.Expression, call.Expression.ToString(),
                "pass arguments by value (no ref, out or in)"));
        }

        var args = call.ArgumentList.Arguments.Select(a => a.Expression).ToArray();
        var owner = method.ContainingType.ToDisplayString();
        var takesNumbers = TakesDoubles(method);
        if (owner == KnownFunctions.MathFType)
        {
            takesNumbers = method.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Single);
            // MathF.Tanh((float)x) in a double activation: the same function, computed in double as the rest is.
            owner = KnownFunctions.MathType;
            args = System.Array.ConvertAll(args, WithoutFloatCast);
        }

        return (owner, method.Name, args.Length) switch
        {
            (KnownFunctions.MathType, var name, 1) when KnownFunctions.MathUnary.TryGetValue(name, out var op) && takesNumbers =>
                ExpressionParser.Combine(scope, args, p => E.Call(op, p[0])),
            (KnownFunctions.MathType, var name, 2) when KnownFunctions.MathBinary.TryGetValue(name, out var op) && takesNumbers =>
                ExpressionParser.Combine(scope, args, p => new Binary(op, p[0], p[1])),
            (KnownFunctions.MathType, "Clamp", 3) when takesNumbers =>
                ExpressionParser.Combine(scope, args, p => new Binary(BinaryOp.Min, new Binary(BinaryOp.Max, p[0], p[1]), p[2])),
            (KnownFunctions.MathType, "Log", 2) =>
                ExpressionParser.Combine(scope, args, p => E.Div(E.Call(UnaryOp.Log, p[0]), E.Call(UnaryOp.Log, p[1]))),
            (KnownFunctions.MathType, "Log2", 1) =>
                ExpressionParser.Combine(scope, args, p => E.Mul(E.N(1 / System.Math.Log(2)), E.Call(UnaryOp.Log, p[0]))),
            (KnownFunctions.MathType, "FusedMultiplyAdd", 3) =>
                ExpressionParser.Combine(scope, args, p => E.Add(E.Mul(p[0], p[1]), p[2])),
            (KnownFunctions.MathXType, var name, 1) when KnownFunctions.MathXUnary.TryGetValue(name, out var op) && takesNumbers =>
                ExpressionParser.Combine(scope, args, p => E.Call(op, p[0])),
            _ when IsActivation(method) && method.DeclaringSyntaxReferences.IsEmpty =>
                ExternalActivation.Inline(call, method, scope.Method.Name, ParseArguments(call, method, scope)),
            _ when IsActivation(method) => ParseActivationCall(call, method, scope),
            _ => Unsupported(call, method),
        };
    }

    /// <summary>What to write instead: a helper of the user's becomes an activation; anything else, a known function.</summary>
    private static Parsed<Expr> Unsupported(InvocationExpressionSyntax call, IMethodSymbol method)
    {
        var own = !method.DeclaringSyntaxReferences.IsEmpty && method.IsStatic && ExpressionParser.IsDouble(method.ReturnType);
        var hint = own
            ? $"mark '{method.Name}' [Activation] (a static double method of a static partial class) to compose it"
            : $"use one of {Primitives.Spellings}, Math.Pow, Max, Min, Clamp, Log(x, b), Log2, FusedMultiplyAdd, "
                + "or another [Activation] method";
        return Parsed.Failure<Expr>(DiagnosticInfo.Create(Descriptors.UnsupportedCall, call.Expression, call.Expression.ToString(), hint));
    }

    private static ExpressionSyntax WithoutFloatCast(ExpressionSyntax e) => e switch
    {
        CastExpressionSyntax { Type: PredefinedTypeSyntax t } cast
            when t.Keyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.FloatKeyword) => cast.Expression,
        ParenthesizedExpressionSyntax p => WithoutFloatCast(p.Expression) is var inner && inner != p.Expression ? inner : p,
        _ => e,
    };

    public static bool IsActivation(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownFunctions.ActivationAttribute);

    public static string KeyOf(IMethodSymbol method) =>
        method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + method.Name;

    private static bool TakesDoubles(IMethodSymbol method) => method.Parameters.All(p => ExpressionParser.IsDouble(p.Type));

    /// <summary>Arguments in the callee's parameter order; omitted optional ones take their default values.</summary>
    private static Parsed<Expr> ParseActivationCall(InvocationExpressionSyntax call, IMethodSymbol callee, ParseScope scope) =>
        Parsed.All<Expr, Expr>(ParseArguments(call, callee, scope), args => new Apply(KeyOf(callee), args.ToEquatableArray()));

    private static IReadOnlyList<Parsed<Expr>> ParseArguments(InvocationExpressionSyntax call, IMethodSymbol callee, ParseScope scope) =>
        callee.Parameters.Select(parameter => ArgumentFor(parameter, call.ArgumentList.Arguments, call, scope)).ToList();

    private static Parsed<Expr> ArgumentFor(
        IParameterSymbol parameter,
        SeparatedSyntaxList<ArgumentSyntax> arguments,
        SyntaxNode call,
        ParseScope scope)
    {
        var named = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter.Name);
        var positional = parameter.Ordinal < arguments.Count && arguments[parameter.Ordinal].NameColon is null
            ? arguments[parameter.Ordinal]
            : null;
        return (named ?? positional) switch
        {
            { } argument => ExpressionParser.Parse(argument.Expression, scope),
            null when parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is { } value =>
                Parsed.Success<Expr>(new Num(System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture))),
            null => Parsed.Failure<Expr>(DiagnosticInfo.Create(Descriptors.UnsupportedCall, call, call.ToString(),
                $"pass '{parameter.Name}': it has no default value")),
        };
    }
}
