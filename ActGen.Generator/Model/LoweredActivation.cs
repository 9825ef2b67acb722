using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Model;

/// <summary>∂f/∂θ for one learnable parameter, and gy·∂f/∂θ as its backward kernel computes it.</summary>
internal sealed record ParameterDerivative(string Parameter, Expr Derivative, Expr Gradient);

/// <summary>
/// An activation ready to render: call-free, let-free, simplified forward, derivatives and the backward bodies
/// (gy·f′), so that every back end renders the same IR and none builds its own.
/// </summary>
/// <param name="OutputDerivative">∂f/∂x written in the forward's output alone (see <c>OutputForm</c>), or null.</param>
/// <param name="Backward">gy·∂f/∂x: in the output y where <paramref name="OutputDerivative"/> exists, else in x.</param>
/// <param name="SecondOrder">The bodies of the backward's own backward, one per pair of variables (see <c>SecondOrder</c>).</param>
internal sealed record LoweredActivation(
    ActivationModel Model,
    Expr Forward,
    Expr Derivative,
    EquatableArray<ParameterDerivative> ParameterDerivatives,
    Expr? OutputDerivative,
    Expr Backward,
    EquatableArray<SecondDerivative> SecondOrder,
    EquatableArray<LoweredCallee> Callees)
{
    public bool BackwardReadsOutput => OutputDerivative is not null;
}

/// <summary>
/// gg·gy·∂²f/∂a∂b for one unordered pair of variables a ≤ b (null: the input, else a learnable parameter, in declaration
/// order): what the backward gy·∂f/∂a, given the gradient gg of its result, sends to b. Where backward reads the output
/// y, the one pair (input, input) is gg·gy·∂h/∂y for f′ = h(y), and autograd chains y to x through the forward.
/// </summary>
internal sealed record SecondDerivative(string? First, string? Second, Expr Body);

/// <summary>An activation this one calls rather than inlines, lowered: its forward and ∂/∂x in its own names.</summary>
internal sealed record LoweredCallee(string Key, ActivationModel Model, Expr Forward, Expr Derivative);

/// <summary>What the renderer gets for one <c>[Activation]</c>: an activation, or the diagnostics to report instead.</summary>
internal sealed record GenerationUnit(string Key, LoweredActivation? Activation, EquatableArray<DiagnosticInfo> Diagnostics);
