using System.Linq;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;

namespace ActGen.Generator.Calculus;

/// <summary>ACTGEN017 for each equality guard on the input or a learnable parameter whose derivative there is not the limit.</summary>
internal static class GuardLimitWarnings
{
    /// <summary>
    /// The activation's own forward only: a callee kept as a call reports its guards on its own method, and an inlined
    /// one reports them there too.
    /// </summary>
    public static GenerationUnit Attach(GenerationUnit unit) =>
        unit.Activation is { } activation ? unit with { Diagnostics = Of(activation) } : unit;

    public static EquatableArray<DiagnosticInfo> Of(LoweredActivation activation)
    {
        var model = activation.Model;
        var variables = model.Parameters.Where(p => p.Kind == ParameterKind.Learnable).Select(p => p.Name).Append(model.Input);
        return GuardLimits.Unresolved(activation.Forward, variables)
            .Distinct()
            .Select(u => new DiagnosticInfo(Descriptors.GuardLimitNotFound, null, EquatableArray.Of(model.Name, u.Variable, u.Reason)))
            .ToEquatableArray();
    }
}
