using System.Collections.Generic;
using System.Linq;

namespace ActGen.Cuda;

/// <summary>
/// The <c>extern "C"</c> names of one activation's kernels, read from its generated source (the one place that spells
/// them): <c>{prefix}_{role}_{f32|f64|f16|bf16}</c>, the prefix taken from the float forward kernel, and the element types
/// the source has kernels for (a source from an ActGen before float16 and bfloat16 has float and double only).
/// </summary>
internal sealed record CudaKernelNames(string Prefix, IReadOnlyList<KernelElement> Elements)
{
    private static readonly string ForwardSuffix = "_forward_" + KernelElement.Float32.Suffix;

    /// <summary>Every kernel the source defines, in source order.</summary>
    public static IReadOnlyList<string> All(string source) => CudaKernelDeclaration.In(source).Select(k => k.Name).ToList();

    /// <summary>The names in <paramref name="source"/>, or null when it has no single float forward kernel.</summary>
    public static CudaKernelNames? Of(string source)
    {
        var kernels = All(source);
        if (kernels.Where(n => n.EndsWith(ForwardSuffix, System.StringComparison.Ordinal)).ToList() is not [var forward])
        {
            return null;
        }

        var prefix = forward[..^ForwardSuffix.Length];
        return new CudaKernelNames(
            prefix, KernelElement.All.Where(e => kernels.Contains($"{prefix}_forward_{e.Suffix}")).ToList());
    }

    public string Name(KernelRole role, KernelElement element) => $"{Prefix}_{role.Suffix}_{element.Suffix}";

    /// <summary>
    /// The kernels the runtime may ask for: forward, backward (from x or y), ∂/∂θ of each learnable parameter, and one
    /// second-order kernel per pair the generated code has (none from an ActGen that did not generate them).
    /// </summary>
    public static IReadOnlyList<KernelRole> Roles(ActivationDefinition definition) =>
        new KernelRole[] { new KernelRole.Forward(), new KernelRole.Backward(definition.BackwardFromOutput) }
            .Concat(definition.Parameters
                .Select((p, k) => (p, k))
                .Where(q => q.p.Role == ParameterRole.Learnable)
                .Select(q => (KernelRole)new KernelRole.Gradient(q.k)))
            .Concat(definition.Double.SecondOrder.Select(k => (KernelRole)SecondRole(definition, k.First, k.Second)))
            .ToList();

    /// <summary>The second-order kernel of {a, b} (null: the input) as generated, or null where there is none.</summary>
    public static KernelRole.SecondOrder? Second(ActivationDefinition definition, string? a, string? b) =>
        definition.Double.SecondOrder.FirstOrDefault(k => k.Of(a, b)) is { } kernel
            ? SecondRole(definition, kernel.First, kernel.Second)
            : null;

    private static KernelRole.SecondOrder SecondRole(ActivationDefinition definition, string? first, string? second)
    {
        int? Index(string? name) => name is null ? null : definition.Parameters.Select(p => p.Name).ToList().IndexOf(name);
        return new KernelRole.SecondOrder(Index(first), Index(second));
    }
}
