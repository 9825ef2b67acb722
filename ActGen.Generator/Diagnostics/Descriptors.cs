using Microsoft.CodeAnalysis;

namespace ActGen.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. Ids are stable: outside tools match on them.</summary>
internal static class Descriptors
{
    private const string Category = "ActGen";

    public static readonly DiagnosticDescriptor UnsupportedExpression = Error(
        "ACTGEN001",
        "Unsupported expression in an activation",
        "'{0}' is not supported in an activation: {1}");

    public static readonly DiagnosticDescriptor UnsupportedStatement = Error(
        "ACTGEN002",
        "Unsupported statement in an activation",
        "'{0}' is not supported in an activation body: write an expression body, "
            + "or a block of 'var name = expression;' declarations followed by one 'return expression;'");

    public static readonly DiagnosticDescriptor UnsupportedCall = Error(
        "ACTGEN003",
        "Unsupported method call in an activation",
        "'{0}' is not a function ActGen can differentiate: {1}");

    public static readonly DiagnosticDescriptor ClassNotStaticPartial = Error(
        "ACTGEN004",
        "An activation's class must be a top-level static partial class",
        "'{0}' must be a non-generic, non-nested 'static partial class' to hold [Activation] methods, "
            + "so that ActGen can add the generated members to it");

    public static readonly DiagnosticDescriptor BadSignature = Error(
        "ACTGEN005",
        "Unsupported activation signature",
        "Activation '{0}' must be a non-generic 'static double {0}(double x, ...)' method: {1}");

    public static readonly DiagnosticDescriptor BadParameter = Error(
        "ACTGEN006",
        "Unsupported activation parameter",
        "Parameter '{0}' of activation '{1}': {2}");

    public static readonly DiagnosticDescriptor UnsupportedName = Error(
        "ACTGEN007",
        "Unsupported name in an activation",
        "'{0}' is neither a parameter, a local nor a constant: {1}");

    public static readonly DiagnosticDescriptor IntegerArithmetic = Error(
        "ACTGEN008",
        "Integer arithmetic in an activation",
        "'{0}' is computed in {1}, not double: activations compute in double; "
            + "write a double literal (e.g. 2.0) or declare the local as double");

    public static readonly DiagnosticDescriptor RecursiveActivation = Error(
        "ACTGEN009",
        "Recursive activation",
        "Activation '{0}' calls itself through '{1}': activations may call other activations, but not recursively");

    public static readonly DiagnosticDescriptor CalleeHasErrors = Error(
        "ACTGEN010",
        "An activation this one calls cannot be generated",
        "Activation '{0}' calls '{1}', which has errors of its own (see its diagnostics) or whose definition ActGen cannot see");

    public static readonly DiagnosticDescriptor MissingBody = Error(
        "ACTGEN011",
        "Activation without a body",
        "Activation '{0}' needs a body: '=> expression;' or a block ending in 'return expression;'");

    public static readonly DiagnosticDescriptor OverloadedActivation = Error(
        "ACTGEN012",
        "Overloaded activation",
        "Another [Activation] method is also named '{0}': "
            + "ActGen names the members it generates after the method ({0}Derivative, {0}Module, …), "
            + "so each activation needs a name of its own; rename this overload");

    public static readonly DiagnosticDescriptor MemberCollision = Error(
        "ACTGEN013",
        "A member has the name of a generated member",
        "'{0}' is the name ActGen generates for activation '{1}' ({2}); rename '{0}' or the activation");

    public static readonly DiagnosticDescriptor ParameterCollision = Error(
        "ACTGEN014",
        "Two learnable parameters give one generated name",
        "Learnable parameter '{0}' of activation '{1}' would generate '{2}', as '{3}' does; rename one of them");

    public static readonly DiagnosticDescriptor AmbiguousName = Warning(
        "ACTGEN015",
        "Two activations share a name in the registry",
        "Activation '{0}' is declared in {1}: ActivationRegistry.Find(\"{0}\") and --activations cannot tell them apart; "
            + "look it up by its full name ('{2}') or rename one");

    public static readonly DiagnosticDescriptor IntegerDivision = Warning(
        "ACTGEN016",
        "Integer division of literals",
        "'{0}' divides integers and is {1} in C#, not {2}: write '{3}' to divide in double");

    public static readonly DiagnosticDescriptor GuardLimitNotFound = Warning(
        "ACTGEN017",
        "No limit for the derivative at an equality guard",
        "At the guard '{1} == …' in activation '{0}', ActGen found no limit of the other branch's derivative with respect "
            + "to '{1}' ({2}): there the derivative is the guarded branch's own, which is 0 where that branch is constant");

    public static readonly DiagnosticDescriptor TooLarge = Error(
        "ACTGEN018",
        "An activation too large once written out",
        "Activation '{0}' has more than {1} operations once its locals and the activations it calls are written out "
            + "(each use of a local or of a small activation copies it): the body ActGen records for other assemblies is written out, and would not finish. "
            + "Use each local once, or give each repeated step an [Activation] method of its own that calls the previous step's, "
            + "so that each is lowered once");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "ACTGEN099",
        "ActGen failed on this activation",
        "ActGen could not generate '{0}' ({1}): this is a bug in ActGen, please report it with this method");

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
