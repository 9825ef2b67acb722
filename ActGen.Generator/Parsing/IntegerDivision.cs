using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ActGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActGen.Generator.Parsing;

/// <summary>
/// <c>1 / 2 * x</c> is <c>0 * x</c> in C#: a constant division of integers that leaves a remainder is legal but almost
/// never meant in an activation, so it is a warning that says how to write it.
/// </summary>
internal static class IntegerDivision
{
    public static IEnumerable<DiagnosticInfo> Find(ExpressionSyntax constant, ParseScope scope) =>
        constant.DescendantNodesAndSelf().OfType<BinaryExpressionSyntax>()
            .Where(b => b.IsKind(SyntaxKind.DivideExpression))
            .Select(b => Check(b, scope))
            .OfType<DiagnosticInfo>()
            .ToList();

    private static DiagnosticInfo? Check(BinaryExpressionSyntax division, ParseScope scope)
    {
        var type = scope.Model.GetTypeInfo(division, scope.CancellationToken).Type;
        var (left, right) = (Value(division.Left, scope), Value(division.Right, scope));
        if (!IsInteger(type) || left is not { } a || right is not { } b || b == 0 || a % b == 0)
        {
            return null;
        }

        var integer = (a - a % b) / b;
        return DiagnosticInfo.Create(
            Descriptors.IntegerDivision,
            division,
            division.ToString(),
            Show(integer),
            Show(a / b),
            $"{division.Left.ToString().Trim()}.0 / {division.Right.ToString().Trim()}");
    }

    private static double? Value(ExpressionSyntax e, ParseScope scope) =>
        scope.Model.GetConstantValue(e, scope.CancellationToken)
            is { HasValue: true, Value: { } v and not bool and not string and not char }
            ? System.Convert.ToDouble(v, CultureInfo.InvariantCulture)
            : null;

    private static bool IsInteger(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
        or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Int16 or SpecialType.System_UInt16
        or SpecialType.System_Byte or SpecialType.System_SByte;

    private static string Show(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
