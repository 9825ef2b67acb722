using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace ActGen.Cuda;

/// <summary>
/// An element type the generated kernels are written for: the tensors' dtype, the suffix of the kernels' names and the
/// bytes an element takes. float16 and bfloat16 are computed in float inside the kernel and rounded back once.
/// </summary>
internal sealed record KernelElement(ScalarType Type, string Suffix, int Bytes)
{
    public static readonly KernelElement Float32 = new(ScalarType.Float32, "f32", 4);
    public static readonly KernelElement Float64 = new(ScalarType.Float64, "f64", 8);
    public static readonly KernelElement Float16 = new(ScalarType.Float16, "f16", 2);
    public static readonly KernelElement BFloat16 = new(ScalarType.BFloat16, "bf16", 2);

    public static readonly IReadOnlyList<KernelElement> All = [Float32, Float64, Float16, BFloat16];

    /// <summary>The kernels' element type for tensors of <paramref name="type"/>, or null where none is generated.</summary>
    public static KernelElement? Of(ScalarType type) => All.FirstOrDefault(e => e.Type == type);
}
