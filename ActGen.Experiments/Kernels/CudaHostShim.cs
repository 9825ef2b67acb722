namespace ActGen.Experiments.Kernels;

/// <summary>
/// The header that lets generated CUDA C++ compile with the host C++ compiler: the CUDA qualifiers become nothing, the
/// built-in indices become thread-local variables, the bit-cast intrinsics become memcpy, the rounded arithmetic intrinsics
/// plain operators (ISO C++ mode does not contract them), and a launcher walks every
/// (block, thread) in turn.
/// </summary>
internal static class CudaHostShim
{
    public const string Header = """
        // ActGen's CUDA-on-host shim: CUDA C++ in the common subset, compiled by the host compiler and run on the CPU.
        #include <cmath>
        #include <cstdint>
        #include <cstring>
        using namespace std;
        #define __global__
        #define __device__
        #define __forceinline__ inline
        #define __restrict__ __restrict
        struct alignas(16) float4 { float x, y, z, w; };
        struct alignas(16) double2 { double x, y; };
        static inline float __uint_as_float(unsigned int u) { float f; std::memcpy(&f, &u, sizeof f); return f; }
        static inline unsigned int __float_as_uint(float f) { unsigned int u; std::memcpy(&u, &f, sizeof u); return u; }
        static inline float __fadd_rn(float a, float b) { return a + b; }
        static inline float __fmul_rn(float a, float b) { return a * b; }
        static inline double __dadd_rn(double a, double b) { return a + b; }
        static inline double __dmul_rn(double a, double b) { return a * b; }
        struct actgen_dim3 { unsigned x = 0, y = 0, z = 0; };
        static thread_local actgen_dim3 threadIdx, blockIdx, blockDim, gridDim;
        template <typename F> static void actgen_host_launch(unsigned grid, unsigned block, F kernel)
        {
            gridDim.x = grid;
            blockDim.x = block;
            for (unsigned b = 0; b < grid; ++b)
            {
                for (unsigned t = 0; t < block; ++t)
                {
                    blockIdx.x = b;
                    threadIdx.x = t;
                    kernel();
                }
            }
        }

        """;
}
