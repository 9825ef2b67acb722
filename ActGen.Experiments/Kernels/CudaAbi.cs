using System.Collections.Generic;
using System.Linq;
using ActGen.Cuda;

namespace ActGen.Experiments.Kernels;

/// <summary>One <c>extern "C"</c> kernel of an activation's CUDA source and its argument list.</summary>
/// <param name="Kind"><c>forward</c>, <c>backward</c>, <c>backward_from_output</c> or <c>grad_{k}</c> (k the parameter's index).</param>
/// <param name="Dtype"><c>float32</c>, <c>float64</c>, <c>float16</c> or <c>bfloat16</c>.</param>
/// <param name="Abi">Each argument as <c>type name</c>, without <c>__restrict__</c>.</param>
internal sealed record CudaKernel(string Name, string Kind, string Dtype, IReadOnlyList<string> Abi);

/// <summary>
/// The kernel ABI the generator promises (README, "CUDA kernels"): <c>(const T* in[, const T* gy[, const T* gg]], T* out, long long n,
/// parameters…)</c>, parameter k a <c>double pk</c> (hyper) or <c>const T* pk, long long pk_inner, long long pk_channels</c> (tensor), kernels
/// forward, backward (or backward_from_output), grad_k for each learnable k and second_a_b for each second-order pair
/// (gg: the gradient of the backward's result), in float, double, float16 and bfloat16 (these two as their 16 bits,
/// <c>unsigned short</c>); and what a source
/// declares, read from its text, so that the two can be compared.
/// </summary>
internal static class CudaAbi
{
    private static readonly (string Suffix, string Dtype, string Type)[] Types =
        [("f32", "float32", "float"), ("f64", "float64", "double"), ("f16", "float16", "unsigned short"), ("bf16", "bfloat16", "unsigned short")];

    /// <summary>The kernels <paramref name="d"/>'s source must declare, named as <paramref name="prefix"/>_{kind}_{f32|f64}.</summary>
    public static IReadOnlyList<CudaKernel> Expected(ActivationDefinition d, string prefix)
    {
        var kinds = new[] { "forward", d.BackwardFromOutput ? "backward_from_output" : "backward" }
            .Concat(d.Parameters.Select((p, k) => (p, k)).Where(q => q.p.Role == ParameterRole.Learnable).Select(q => $"grad_{q.k}"))
            .Concat(SecondKinds(d));
        return kinds
            .SelectMany(kind => Types.Select(t => new CudaKernel($"{prefix}_{kind}_{t.Suffix}", kind, t.Dtype, Arguments(d, kind, t.Type))))
            .ToList();
    }

    /// <summary>The second-order kernels the generated code has: <c>second_{a}_{b}</c>, a, b <c>x</c> or a parameter's index.</summary>
    public static IReadOnlyList<string> SecondKinds(ActivationDefinition d) =>
        d.Double.SecondOrder.Select(k => SecondKind(d, k.First, k.Second)).ToList();

    /// <summary><c>second_{a}_{b}</c>: a, b each <c>x</c> (the input, or y where backward reads it) or a declaration index.</summary>
    public static string SecondKind(ActivationDefinition d, string? first, string? second)
    {
        string Of(string? v) => v is null ? "x" : d.Parameters.Select(p => p.Name).ToList().IndexOf(v).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"second_{Of(first)}_{Of(second)}";
    }

    private static IReadOnlyList<string> Arguments(ActivationDefinition d, string kind, string type) =>
        new[] { $"const {type}* in" }
            .Concat(kind == "forward" ? [] : [$"const {type}* gy"])
            .Concat(kind.StartsWith("second_", System.StringComparison.Ordinal) ? [$"const {type}* gg"] : [])
            .Concat([$"{type}* out", "long long n"])
            .Concat(d.Parameters.SelectMany((p, k) => p.Role == ParameterRole.Hyper
                ? new[] { $"double p{k}" }
                : [$"const {type}* p{k}", $"long long p{k}_inner", $"long long p{k}_channels"]))
            .ToList();

    /// <summary>Every <c>__global__</c> kernel <paramref name="source"/> declares, with its arguments as written.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Abi)> Declared(string source) =>
        CudaKernelDeclaration.In(source)
            .Select(k => (k.Name, (IReadOnlyList<string>)k.Parameters.Select(p => p.ToString()).ToList()))
            .ToList();

    /// <summary>The kernel names' common prefix (<c>actgen_{owner}__{name}</c>, the owner's dots as <c>__</c>), read from the source.</summary>
    public static string? Prefix(string source) => CudaKernelNames.Of(source)?.Prefix;
}
