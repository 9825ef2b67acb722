using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActGen.Generator.Parsing;

/// <summary>What to write instead of a construct ActGen does not take, for the diagnostic at that construct.</summary>
internal static class Suggestions
{
    private const string Subset =
        "use numbers, the parameters, 'var' locals, + - * /, comparisons with ?: && || !, Math and ActGen.MathX functions, "
            + "or other [Activation] methods";

    public static string ForExpression(ExpressionSyntax syntax) => syntax switch
    {
        SwitchExpressionSyntax => "write the cases with ?: (e.g. 'x > 0 ? x : 0.0')",
        BinaryExpressionSyntax b when b.IsKind(SyntaxKind.ModuloExpression) =>
            "there is no remainder operator: write 'a - b * Math.Floor(a / b)'",
        BinaryExpressionSyntax b when b.IsKind(SyntaxKind.BitwiseAndExpression) || b.IsKind(SyntaxKind.BitwiseOrExpression)
            || b.IsKind(SyntaxKind.ExclusiveOrExpression) => "combine comparisons with && and ||",
        IsPatternExpressionSyntax => "compare with <, <=, ==, … and combine with && and ||",
        AssignmentExpressionSyntax
            or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }
            or PostfixUnaryExpressionSyntax => "an activation is a pure expression: bind a new 'var' local instead of changing one",
        ThrowExpressionSyntax => "an activation returns a number for every input: give this case a value (e.g. double.NaN)",
        _ => Subset,
    };

    /// <summary>Null where the name does not resolve: the compiler reports that itself (e.g. while the user is typing).</summary>
    public static string? ForName(ExpressionSyntax syntax, ParseScope scope) =>
        scope.Model.GetSymbolInfo(syntax, scope.CancellationToken).Symbol switch
        {
            null => null,
            IFieldSymbol f => $"declare '{f.Name}' as 'const double' "
                + "(a readonly or mutable field can change after the kernels are generated), or make it a parameter with a default",
            IPropertySymbol p => $"'{p.Name}' is a property: use a 'const double', or a parameter with a default",
            ILocalSymbol l => $"'{l.Name}' is not a 'var' local of the activation's own body",
            _ => "an activation reads its parameters, its 'var' locals and compile-time constants (Math.PI, const fields)",
        };
}
