using System.Collections.Generic;
using System.Linq;

namespace ActGen.Generator.Emit.Cuda;

/// <summary>
/// An element type of the CUDA kernels: how a buffer stores it and what the element functions compute it in. float16
/// and bfloat16 are stored as their 16 bits (<c>unsigned short</c>: no CUDA header needed, so NVRTC and the host
/// compiler read the same source), loaded to float, computed in float and rounded back to nearest even, as PyTorch's
/// opmath does. Each is read and written 16 bytes at a time where the pointers allow: <see cref="Vector"/> holds
/// <see cref="Lanes"/> elements.
/// </summary>
internal sealed record CudaElementType(
    string Storage, string Compute, string Suffix, string Vector, IReadOnlyList<string> Lanes, string? Load = null, string? Store = null)
{
    private static readonly IReadOnlyList<string> EightHalves = Enumerable.Range(0, 8).Select(j => $"h[{j}]").ToArray();

    public static readonly CudaElementType Float = new("float", "float", "f32", "float4", ["x", "y", "z", "w"]);
    public static readonly CudaElementType Double = new("double", "double", "f64", "double2", ["x", "y"]);
    public static readonly CudaElementType Half =
        new("unsigned short", "float", "f16", CudaPreamble.HalfVector, EightHalves, "actgen_f16_to_float", "actgen_float_to_f16");
    public static readonly CudaElementType BFloat16 =
        new("unsigned short", "float", "bf16", CudaPreamble.HalfVector, EightHalves, "actgen_bf16_to_float", "actgen_float_to_bf16");
    public static readonly CudaElementType[] All = [Float, Double, Half, BFloat16];

    /// <summary>An element read from a buffer, as the element functions take it.</summary>
    public string Loaded(string element) => Load is null ? element : $"{Load}({element})";

    /// <summary>A computed value, as the output buffer stores it.</summary>
    public string Stored(string value) => Store is null ? value : $"{Store}({value})";
}
