using System;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActGen.Generator.Parsing;

/// <summary>Translates a C# expression into the IR, or into diagnostics for what is outside the supported subset.</summary>
internal static class ExpressionParser
{
    public static Parsed<Expr> Parse(ExpressionSyntax syntax, ParseScope scope)
    {
        scope.CancellationToken.ThrowIfCancellationRequested();
        if (NumericConstant(syntax, scope) is { } constant)
        {
            return Parsed.Success<Expr>(new Num(constant), IntegerDivision.Find(syntax, scope));
        }

        if (NonDoubleArithmetic(syntax, scope) is { } error)
        {
            return Parsed.Failure<Expr>(error);
        }

        return syntax switch
        {
            ParenthesizedExpressionSyntax p => Parse(p.Expression, scope),
            CastExpressionSyntax c when IsDouble(scope.Model.GetTypeInfo(c.Type, scope.CancellationToken).Type) =>
                Parse(c.Expression, scope),
            PrefixUnaryExpressionSyntax u => ParsePrefix(u, scope),
            BinaryExpressionSyntax b => ParseBinary(b, scope),
            ConditionalExpressionSyntax c => Combine(scope, [c.Condition, c.WhenTrue, c.WhenFalse], p => new If(p[0], p[1], p[2])),
            IdentifierNameSyntax id when scope.Names.Contains(id.Identifier.ValueText) =>
                Parsed.Success<Expr>(new Ref(id.Identifier.ValueText)),
            IdentifierNameSyntax or MemberAccessExpressionSyntax => Suggestions.ForName(syntax, scope) is { } hint
                ? Fail(Descriptors.UnsupportedName, syntax, hint)
                : Parsed.Failure<Expr>(),
            InvocationExpressionSyntax i => CallParser.Parse(i, scope),
            _ => Unsupported(syntax),
        };
    }

    public static Parsed<Expr> Combine(
        ParseScope scope,
        ExpressionSyntax[] parts,
        Func<System.Collections.Generic.IReadOnlyList<Expr>, Expr> build) =>
        Parsed.All(Array.ConvertAll(parts, p => Parse(p, scope)), build);

    public static Parsed<Expr> Fail(DiagnosticDescriptor descriptor, SyntaxNode node, string hint) =>
        Parsed.Failure<Expr>(DiagnosticInfo.Create(descriptor, node, node.ToString(), hint));

    private static Parsed<Expr> Unsupported(ExpressionSyntax syntax) =>
        Fail(Descriptors.UnsupportedExpression, syntax, Suggestions.ForExpression(syntax));

    public static bool IsDouble(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Double;

    private static Parsed<Expr> ParsePrefix(PrefixUnaryExpressionSyntax u, ParseScope scope) => u.Kind() switch
    {
        SyntaxKind.UnaryMinusExpression => Combine(scope, [u.Operand], p => E.Neg(p[0])),
        SyntaxKind.UnaryPlusExpression => Parse(u.Operand, scope),
        SyntaxKind.LogicalNotExpression => Combine(scope, [u.Operand], p => new Not(p[0])),
        _ => Unsupported(u),
    };

    private static Parsed<Expr> ParseBinary(BinaryExpressionSyntax b, ParseScope scope)
    {
        Parsed<Expr> Make(Func<Expr, Expr, Expr> build) => Combine(scope, [b.Left, b.Right], p => build(p[0], p[1]));

        return b.Kind() switch
        {
            SyntaxKind.AddExpression => Make(E.Add),
            SyntaxKind.SubtractExpression => Make(E.Sub),
            SyntaxKind.MultiplyExpression => Make(E.Mul),
            SyntaxKind.DivideExpression => Make(E.Div),
            SyntaxKind.LessThanExpression => Make((l, r) => new Compare(CompareOp.Less, l, r)),
            SyntaxKind.LessThanOrEqualExpression => Make((l, r) => new Compare(CompareOp.LessOrEqual, l, r)),
            SyntaxKind.GreaterThanExpression => Make((l, r) => new Compare(CompareOp.Greater, l, r)),
            SyntaxKind.GreaterThanOrEqualExpression => Make((l, r) => new Compare(CompareOp.GreaterOrEqual, l, r)),
            SyntaxKind.EqualsExpression => Make((l, r) => new Compare(CompareOp.Equal, l, r)),
            SyntaxKind.NotEqualsExpression => Make((l, r) => new Compare(CompareOp.NotEqual, l, r)),
            SyntaxKind.LogicalAndExpression => Make((l, r) => new Logic(LogicOp.And, l, r)),
            SyntaxKind.LogicalOrExpression => Make((l, r) => new Logic(LogicOp.Or, l, r)),
            _ => Unsupported(b),
        };
    }

    private static double? NumericConstant(ExpressionSyntax syntax, ParseScope scope)
    {
        var constant = scope.Model.GetConstantValue(syntax, scope.CancellationToken);
        return constant is { HasValue: true, Value: not null and not bool and not string and not char }
            ? Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>C# would compute this non-constant expression in a type other than double (int division, float rounding).</summary>
    private static DiagnosticInfo? NonDoubleArithmetic(ExpressionSyntax syntax, ParseScope scope)
    {
        // Parentheses report inside; names in scope report where they are declared.
        if (syntax is ParenthesizedExpressionSyntax || syntax is IdentifierNameSyntax id && scope.Names.Contains(id.Identifier.ValueText))
        {
            return null;
        }

        var type = scope.Model.GetTypeInfo(syntax, scope.CancellationToken).Type;
        return type is null || IsDouble(type) || type.SpecialType == SpecialType.System_Boolean || type.TypeKind == TypeKind.Error
            || syntax is InvocationExpressionSyntax
            ? null
            : DiagnosticInfo.Create(Descriptors.IntegerArithmetic, syntax, syntax.ToString(), type.ToDisplayString());
    }
}
