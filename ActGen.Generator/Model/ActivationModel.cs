using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Model;

/// <summary>Where an activation lives and what its generated members must look like.</summary>
internal sealed record ActivationSite(string Namespace, string ClassName, string ClassAccessibility, string MethodAccessibility);

/// <summary>
/// One parsed <c>[Activation]</c> method. <see cref="Key"/> identifies it for calls from other activations.
/// <see cref="Body"/> may still contain <see cref="Apply"/> calls and lets.
/// </summary>
internal sealed record ActivationModel(
    string Key,
    string Name,
    ActivationSite Site,
    string Input,
    EquatableArray<ParameterModel> Parameters,
    Expr Body,
    LocationInfo? Location);

/// <summary>The outcome of parsing one method: a model, or the diagnostics explaining why there is none.</summary>
internal sealed record ParseResult(string Key, ActivationModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
