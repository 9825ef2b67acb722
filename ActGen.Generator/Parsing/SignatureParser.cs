using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActGen.Generator.Parsing;

/// <summary>Checks the class and method shape and reads the parameters' roles.</summary>
internal static class SignatureParser
{
    public static IEnumerable<DiagnosticInfo> CheckClass(MethodDeclarationSyntax syntax, IMethodSymbol method)
    {
        var type = method.ContainingType;
        var declaration = syntax.Parent as ClassDeclarationSyntax;
        var ok = type.TypeKind == TypeKind.Class && type.IsStatic && type.Arity == 0 && type.ContainingType is null
            && declaration is not null && declaration.Modifiers.Any(SyntaxKind.PartialKeyword);
        return ok
            ? []
            : [new DiagnosticInfo(
                Descriptors.ClassNotStaticPartial,
                LocationInfo.From(ClassLocation(syntax)),
                EquatableArray.Of(type.Name))];
    }

    public static IEnumerable<DiagnosticInfo> CheckMethod(MethodDeclarationSyntax syntax, IMethodSymbol method)
    {
        var problem = method switch
        {
            { IsStatic: false } => "it is not static",
            { IsGenericMethod: true } => "it is generic",
            _ when !ExpressionParser.IsDouble(method.ReturnType) => "it must return double",
            { Parameters.Length: 0 } => "its first parameter must be the input, 'double x'",
            _ when !ExpressionParser.IsDouble(method.Parameters[0].Type) || method.Parameters[0].RefKind != RefKind.None =>
                "its first parameter must be the input, 'double x'",
            _ => null,
        };
        return problem is null
            ? []
            : [new DiagnosticInfo(
                Descriptors.BadSignature,
                LocationInfo.From(syntax.Identifier.GetLocation()),
                EquatableArray.Of(method.Name, problem))];
    }

    public static Parsed<ParameterModel> ParseParameter(IParameterSymbol parameter, IMethodSymbol method)
    {
        var attributes = parameter.GetAttributes();
        var learnable = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownFunctions.LearnableAttribute);
        var randomized = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownFunctions.RandomizedAttribute);
        var problem = parameter switch
        {
            _ when !ExpressionParser.IsDouble(parameter.Type) => "it must be a double",
            { RefKind: not RefKind.None } or { IsParams: true } => "it must be a plain double passed by value (no ref, out, in or params)",
            _ when learnable is not null && randomized is not null => "it cannot be both [Learnable] and [Randomized]",
            _ when learnable is not null && !IsFinite(Argument(learnable, 0)) =>
                $"[Learnable({Show(Argument(learnable!, 0))})] needs a finite initial value",
            _ when randomized is not null && !(IsFinite(Argument(randomized, 0)) && IsFinite(Argument(randomized, 1))) =>
                "[Randomized(lower, upper)] needs finite bounds",
            _ when randomized is not null && Argument(randomized, 0) > Argument(randomized, 1) =>
                $"[Randomized({Show(Argument(randomized, 0))}, {Show(Argument(randomized, 1))})] has lower > upper; "
                    + $"write [Randomized({Show(Argument(randomized, 1))}, {Show(Argument(randomized, 0))})]",
            _ when learnable is null && randomized is null && !parameter.HasExplicitDefaultValue =>
                "a hyper-parameter needs a default value (e.g. 'double alpha = 1.0'); "
                    + "mark a learned parameter [Learnable(initial)] and a random one [Randomized(lower, upper)]",
            _ => null,
        };
        if (problem is not null)
        {
            var location = parameter.Locations.FirstOrDefault() is { } l ? LocationInfo.From(l) : null;
            return Parsed.Failure<ParameterModel>(
                new DiagnosticInfo(Descriptors.BadParameter, location, EquatableArray.Of(parameter.Name, method.Name, problem)));
        }

        return Parsed.Success((learnable, randomized) switch
        {
            ({ } l, _) => new ParameterModel(parameter.Name, ParameterKind.Learnable, Argument(l, 0), 0, 0),
            (_, { } r) => new ParameterModel(
                parameter.Name,
                ParameterKind.Randomized,
                (Argument(r, 0) + Argument(r, 1)) / 2,
                Argument(r, 0),
                Argument(r, 1)),
            _ => new ParameterModel(
                parameter.Name,
                ParameterKind.Hyper,
                System.Convert.ToDouble(parameter.ExplicitDefaultValue, System.Globalization.CultureInfo.InvariantCulture),
                0,
                0),
        });
    }

    public static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Private => "private",
        _ => "internal",
    };

    private static double Argument(AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index && attribute.ConstructorArguments[index].Value is { } value
            ? System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)
            : double.NaN;

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    private static string Show(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static Location ClassLocation(MethodDeclarationSyntax syntax) => syntax.Parent switch
    {
        TypeDeclarationSyntax t => t.Identifier.GetLocation(),
        _ => syntax.Identifier.GetLocation(),
    };
}
