namespace ActGen.Generator.Emit.Cuda;

/// <summary>The helpers every activation's CUDA source starts with, defined once where sources are compiled together.</summary>
internal static class CudaPreamble
{
    /// <summary>Eight float16 or bfloat16 values, as one 16-byte load or store reads or writes them.</summary>
    public const string HalfVector = "actgen_half8";

    /// <summary>
    /// The ActGen.MathX functions CUDA's math library lacks, with the same semantics (NaN in, NaN out), and max/min as
    /// .NET's Math.Max/Min (NaN if either is NaN, +0 above −0), which CUDA's fmax/fmin are not; a tensor parameter's
    /// index; and the float16/bfloat16 conversions, written on the bits (only the bit-cast intrinsics, which the host
    /// shim defines too), so that NVRTC needs no header and the host compiler reads the same code.
    /// </summary>
    public static void Write(SourceWriter w) =>
        w.Line("#ifndef ACTGEN_CUDA_PREAMBLE")
            .Line("#define ACTGEN_CUDA_PREAMBLE")
            .Line("template <typename T> __device__ __forceinline__ T actgen_sigmoid(T x) "
                + "{ return x >= T(0) ? T(1) / (T(1) + exp(-x)) : exp(x) / (T(1) + exp(x)); }")
            .Line("template <typename T> __device__ __forceinline__ T actgen_softplus(T x) "
                + "{ return (x > T(0) ? x : T(0)) + log1p(exp(-fabs(x))); }")
            .Line("template <typename T> __device__ __forceinline__ T actgen_sign(T x) { return x > T(0) ? T(1) : x < T(0) ? T(-1) : x; }")
            .Line($"struct alignas(16) {HalfVector} {{ unsigned short h[8]; }};")
            .Line("__device__ __forceinline__ bool actgen_aligned16(const void* p) { return ((unsigned long long)p & 15ull) == 0; }")
            .Line("// A tensor parameter's value for element i: one for all (inner 0), one per element (inner 1, channels 0), or one per")
            .Line("// channel of a dimension ((i / inner) % channels, inner the product of the sizes after it). 64-bit all through.")
            .Line("__device__ __forceinline__ long long actgen_parameter_index(long long i, long long inner, long long channels) "
                + "{ return inner == 0 ? 0 : channels == 0 ? i : (i / inner) % channels; }")
            .Line("template <typename T> __device__ __forceinline__ T actgen_max(T a, T b) "
                + "{ return isnan(a) || isnan(b) ? a + b : a > b ? a : b > a ? b : signbit(a) ? b : a; }")
            .Line("template <typename T> __device__ __forceinline__ T actgen_min(T a, T b) "
                + "{ return isnan(a) || isnan(b) ? a + b : a < b ? a : b < a ? b : signbit(a) ? a : b; }")
            .Line("// float16 and bfloat16 as their bits: to float exactly, and from float rounded to nearest even (NaN stays NaN).")
            .Line("__device__ __forceinline__ float actgen_f16_to_float(unsigned short h) { unsigned int sign = (h & 0x8000u) << 16, "
                + "e = (h >> 10) & 0x1fu, m = h & 0x3ffu; if (e == 0x1fu) return __uint_as_float(sign | 0x7f800000u | (m << 13)); "
                + "if (e != 0) return __uint_as_float(sign | ((e + 112u) << 23) | (m << 13)); if (m == 0) return __uint_as_float(sign); "
                + "unsigned int k = 0; while ((m & 0x400u) == 0) { m <<= 1; k++; } "
                + "return __uint_as_float(sign | ((113u - k) << 23) | ((m & 0x3ffu) << 13)); }")
            .Line("__device__ __forceinline__ unsigned short actgen_float_to_f16(float f) { unsigned int x = __float_as_uint(f), "
                + "sign = (x >> 16) & 0x8000u, a = x & 0x7fffffffu; if (a > 0x7f800000u) return (unsigned short)(sign | 0x7e00u); "
                + "if (a >= 0x477ff000u) return (unsigned short)(sign | 0x7c00u); if (a <= 0x33000000u) return (unsigned short)sign; "
                + "if (a < 0x38800000u) { unsigned int shift = 126u - (a >> 23), m = (a & 0x7fffffu) | 0x800000u, r = m >> shift, "
                + "rest = m & ((1u << shift) - 1u), half = 1u << (shift - 1u); r += (rest > half || (rest == half && (r & 1u))) ? 1u : 0u; "
                + "return (unsigned short)(sign | r); } unsigned int r = a - 0x38000000u; "
                + "return (unsigned short)(sign | ((r + 0xfffu + ((r >> 13) & 1u)) >> 13)); }")
            .Line("__device__ __forceinline__ float actgen_bf16_to_float(unsigned short h) { return __uint_as_float((unsigned int)h << 16); }")
            .Line("__device__ __forceinline__ unsigned short actgen_float_to_bf16(float f) { unsigned int x = __float_as_uint(f); "
                + "if ((x & 0x7fffffffu) > 0x7f800000u) return (unsigned short)((x >> 16) | 0x40u); "
                + "return (unsigned short)((x + 0x7fffu + ((x >> 16) & 1u)) >> 16); }")
            .Line("#endif")
            .Line();
}
