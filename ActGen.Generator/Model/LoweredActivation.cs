using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Model;

/// <summary>∂f/∂θ for one learnable parameter.</summary>
internal sealed record ParameterDerivative(string Parameter, Expr Derivative);

/// <summary>An activation ready to emit: call-free, let-free, simplified forward and derivatives.</summary>
/// <param name="OutputDerivative">∂f/∂x written in the forward's output alone (see <c>OutputForm</c>), or null.</param>
internal sealed record LoweredActivation(
    ActivationModel Model,
    Expr Forward,
    Expr Derivative,
    EquatableArray<ParameterDerivative> ParameterDerivatives,
    Expr? OutputDerivative);

/// <summary>What the emitter gets for one <c>[Activation]</c>: an activation, or the diagnostics to report instead.</summary>
internal sealed record GenerationUnit(string Key, LoweredActivation? Activation, EquatableArray<DiagnosticInfo> Diagnostics);
