using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Model;

/// <summary>Where an activation lives and what its generated members must look like.</summary>
/// <param name="Namespace">The containing namespace as written ("" for the global namespace), unescaped.</param>
internal sealed record ActivationSite(string Namespace, string ClassName, string ClassAccessibility, string MethodAccessibility)
{
    /// <summary>The class as C# source, fully qualified: generated code names its own members through it.</summary>
    public string QualifiedClass =>
        "global::" + (Namespace.Length == 0 ? "" : Naming.Identifiers.EscapeDotted(Namespace) + ".") + Naming.Identifiers.Escape(ClassName);

    /// <summary>The class's full name as the registry shows it.</summary>
    public string Owner => Namespace.Length == 0 ? ClassName : $"{Namespace}.{ClassName}";
}

/// <summary>
/// One parsed <c>[Activation]</c> method. <see cref="Key"/> identifies it for calls from other activations.
/// <see cref="Body"/> may still contain <see cref="Apply"/> calls and lets. No source location: an edit that only
/// moves the method leaves the model equal, so nothing downstream runs again.
/// </summary>
internal sealed record ActivationModel(
    string Key,
    string Name,
    ActivationSite Site,
    string Input,
    EquatableArray<ParameterModel> Parameters,
    Expr Body);

/// <summary>
/// The outcome of parsing one method: a model, or the diagnostics explaining why there is none. The location of the
/// method travels beside the model (for diagnostics found later), never inside it.
/// </summary>
internal sealed record ParseResult(string Key, ActivationModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, LocationInfo? Location)
{
    /// <summary>The method's equality guards, where lowering's ACTGEN017 is reported.</summary>
    public EquatableArray<GuardSite> Guards { get; init; }
}
