namespace ActGen.Cuda;

/// <summary>
/// The CUDA C++ of <see cref="Torch.CounterUniform"/>'s draw, so that a randomized parameter's slopes on a GPU are the
/// ones the CPU draws from the same seed, bit for bit: element i is SplitMix64's finaliser of seed + i·golden, 53 bits
/// (double) or 24 bits (float) of it scaled to [0, 1), then lower + width·u. The multiply and the add are rounded
/// separately (<c>__dmul_rn</c>, <c>__dadd_rn</c>), as .NET does them; NVRTC would otherwise fuse them into one FMA.
/// One ABI for both kernels: <c>(T* out, long long n, unsigned long long seed, double lower, double upper)</c>.
/// </summary>
internal static class CounterUniformSource
{
    public const string Single = "actgen_counter_uniform_f32";

    public const string Double = "actgen_counter_uniform_f64";

    /// <summary>The kernel of each element type the draw has; 16-bit draws are torch's <c>uniform_</c>, on CPU as on GPU.</summary>
    public static readonly System.Collections.Generic.IReadOnlyDictionary<KernelElement, string> Kernels =
        new System.Collections.Generic.Dictionary<KernelElement, string> { [KernelElement.Float32] = Single, [KernelElement.Float64] = Double };

    public const string Text = """
        // ActGen: the counter-based uniform draw of randomized parameters (ActGen.Torch.CounterUniform). Do not edit.
        __device__ __forceinline__ unsigned long long actgen_counter_mix(unsigned long long z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            return z ^ (z >> 31);
        }

        __device__ __forceinline__ unsigned long long actgen_counter_bits(unsigned long long seed, long long i)
        {
            return actgen_counter_mix(seed + (unsigned long long)i * 0x9E3779B97F4A7C15ull);
        }

        extern "C" __global__ void actgen_counter_uniform_f64(double* __restrict__ out, long long n, unsigned long long seed, double lower, double upper)
        {
            const long long stride = (long long)blockDim.x * gridDim.x;
            const double width = upper - lower;
            for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride)
            {
                const double u = (double)(actgen_counter_bits(seed, i) >> 11) * (1.0 / 9007199254740992.0);
                out[i] = __dadd_rn(lower, __dmul_rn(width, u));
            }
        }

        extern "C" __global__ void actgen_counter_uniform_f32(float* __restrict__ out, long long n, unsigned long long seed, double lower, double upper)
        {
            const long long stride = (long long)blockDim.x * gridDim.x;
            const float low = (float)lower, width = (float)(upper - lower);
            for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride)
            {
                const float u = (float)(actgen_counter_bits(seed, i) >> 40) * (1.0f / 16777216.0f);
                out[i] = __fadd_rn(low, __fmul_rn(width, u));
            }
        }

        #ifdef ACTGEN_HOST_CHECK
        extern "C" void actgen_host_counter_uniform(unsigned grid, unsigned block, int isDouble, void* out, long long n, unsigned long long seed, double lower, double upper)
        {
            actgen_host_launch(grid, block, [&] {
                if (isDouble) actgen_counter_uniform_f64((double*)out, n, seed, lower, upper);
                else actgen_counter_uniform_f32((float*)out, n, seed, lower, upper);
            });
        }
        #endif
        """;
}
