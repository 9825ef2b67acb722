namespace ActGen.Generator.Emit.Cuda;

/// <summary>
/// An element type of the CUDA kernels: how a buffer stores it and what the element functions compute it in. float16
/// and bfloat16 are stored as their 16 bits (<c>unsigned short</c>: no CUDA header needed, so NVRTC and the host
/// compiler read the same source), loaded to float, computed in float and rounded back to nearest even, as PyTorch's
/// opmath does; they take the scalar loop only.
/// </summary>
internal sealed record CudaElementType(string Storage, string Compute, string Suffix, string? Load = null, string? Store = null)
{
    public static readonly CudaElementType Float = new("float", "float", "f32");
    public static readonly CudaElementType Double = new("double", "double", "f64");
    public static readonly CudaElementType Half = new("unsigned short", "float", "f16", "actgen_f16_to_float", "actgen_float_to_f16");
    public static readonly CudaElementType BFloat16 = new("unsigned short", "float", "bf16", "actgen_bf16_to_float", "actgen_float_to_bf16");
    public static readonly CudaElementType[] All = [Float, Double, Half, BFloat16];

    public bool IsHalfWidth => Load is not null;

    /// <summary>An element read from a buffer, as the element functions take it.</summary>
    public string Loaded(string element) => Load is null ? element : $"{Load}({element})";

    /// <summary>A computed value, as the output buffer stores it.</summary>
    public string Stored(string value) => Store is null ? value : $"{Store}({value})";
}
