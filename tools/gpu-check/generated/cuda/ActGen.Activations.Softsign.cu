// ActGen: the CUDA kernels of ActGen.Activations.Softsign, generated from its C# expression. Do not edit.
#ifndef ACTGEN_CUDA_PREAMBLE
#define ACTGEN_CUDA_PREAMBLE
template <typename T> __device__ __forceinline__ T actgen_sigmoid(T x) { return x >= T(0) ? T(1) / (T(1) + exp(-x)) : exp(x) / (T(1) + exp(x)); }
template <typename T> __device__ __forceinline__ T actgen_softplus(T x) { return (x > T(0) ? x : T(0)) + log1p(exp(-fabs(x))); }
template <typename T> __device__ __forceinline__ T actgen_sign(T x) { return x > T(0) ? T(1) : x < T(0) ? T(-1) : x; }
struct alignas(16) actgen_half8 { unsigned short h[8]; };
__device__ __forceinline__ bool actgen_aligned16(const void* p) { return ((unsigned long long)p & 15ull) == 0; }
// A tensor parameter's value for element i: one for all (inner 0), one per element (inner 1, channels 0), or one per
// channel of a dimension ((i / inner) % channels, inner the product of the sizes after it). 64-bit all through.
__device__ __forceinline__ long long actgen_parameter_index(long long i, long long inner, long long channels) { return inner == 0 ? 0 : channels == 0 ? i : (i / inner) % channels; }
template <typename T> __device__ __forceinline__ T actgen_max(T a, T b) { return isnan(a) || isnan(b) ? a + b : a > b ? a : b > a ? b : signbit(a) ? b : a; }
template <typename T> __device__ __forceinline__ T actgen_min(T a, T b) { return isnan(a) || isnan(b) ? a + b : a < b ? a : b < a ? b : signbit(a) ? a : b; }
// float16 and bfloat16 as their bits: to float exactly, and from float rounded to nearest even (NaN stays NaN).
__device__ __forceinline__ float actgen_f16_to_float(unsigned short h) { unsigned int sign = (h & 0x8000u) << 16, e = (h >> 10) & 0x1fu, m = h & 0x3ffu; if (e == 0x1fu) return __uint_as_float(sign | 0x7f800000u | (m << 13)); if (e != 0) return __uint_as_float(sign | ((e + 112u) << 23) | (m << 13)); if (m == 0) return __uint_as_float(sign); unsigned int k = 0; while ((m & 0x400u) == 0) { m <<= 1; k++; } return __uint_as_float(sign | ((113u - k) << 23) | ((m & 0x3ffu) << 13)); }
__device__ __forceinline__ unsigned short actgen_float_to_f16(float f) { unsigned int x = __float_as_uint(f), sign = (x >> 16) & 0x8000u, a = x & 0x7fffffffu; if (a > 0x7f800000u) return (unsigned short)(sign | 0x7e00u); if (a >= 0x477ff000u) return (unsigned short)(sign | 0x7c00u); if (a <= 0x33000000u) return (unsigned short)sign; if (a < 0x38800000u) { unsigned int shift = 126u - (a >> 23), m = (a & 0x7fffffu) | 0x800000u, r = m >> shift, rest = m & ((1u << shift) - 1u), half = 1u << (shift - 1u); r += (rest > half || (rest == half && (r & 1u))) ? 1u : 0u; return (unsigned short)(sign | r); } unsigned int r = a - 0x38000000u; return (unsigned short)(sign | ((r + 0xfffu + ((r >> 13) & 1u)) >> 13)); }
__device__ __forceinline__ float actgen_bf16_to_float(unsigned short h) { return __uint_as_float((unsigned int)h << 16); }
__device__ __forceinline__ unsigned short actgen_float_to_bf16(float f) { unsigned int x = __float_as_uint(f); if ((x & 0x7fffffffu) > 0x7f800000u) return (unsigned short)((x >> 16) | 0x40u); return (unsigned short)((x + 0x7fffu + ((x >> 16) & 1u)) >> 16); }
#endif

namespace actgen_ActGen__Activations__Softsign {

template <typename T> __device__ __forceinline__ T forward(T x)
{
    return (x / (T(1.0) + fabs(x)));
}

template <typename T> __device__ __forceinline__ T backward(T x, T gy)
{
    const T t0 = fabs(x);
    const T t1 = (T(1.0) + t0);
    return (gy * ((T(1.0) / t1) - ((x / t1) * (actgen_sign(x) / t1))));
}

template <typename T> __device__ __forceinline__ T second_x_x(T x, T gy, T gg)
{
    const T t0 = fabs(x);
    const T t1 = actgen_sign(x);
    const T t2 = (T(1.0) + t0);
    const T t3 = (T(1.0) / t2);
    const T t4 = (t1 / t2);
    const T t5 = (x / t2);
    return (gg * (gy * ((-(t3 * t4)) - (((t3 - (t5 * t4)) * t4) - (t5 * (t4 * t4))))));
}

}  // namespace actgen_ActGen__Activations__Softsign

extern "C" __global__ void actgen_ActGen__Activations__Softsign_forward_f32(const float* __restrict__ in, float* __restrict__ out, long long n)
{
    const long long stride = (long long)blockDim.x * gridDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    long long done = 0;
    if (actgen_aligned16(in) && actgen_aligned16(out))
    {
        const long long vectors = n / 4;
        for (long long v = first; v < vectors; v += stride)
        {
            const float4 inv = reinterpret_cast<const float4*>(in)[v];
            float4 result;
            result.x = actgen_ActGen__Activations__Softsign::forward<float>(inv.x);
            result.y = actgen_ActGen__Activations__Softsign::forward<float>(inv.y);
            result.z = actgen_ActGen__Activations__Softsign::forward<float>(inv.z);
            result.w = actgen_ActGen__Activations__Softsign::forward<float>(inv.w);
            reinterpret_cast<float4*>(out)[v] = result;
        }
        done = vectors * 4;
    }
    for (long long i = done + first; i < n; i += stride)
    {
        out[i] = actgen_ActGen__Activations__Softsign::forward<float>(in[i]);
    }
}
#ifdef ACTGEN_HOST_CHECK
extern "C" void actgen_host_actgen_ActGen__Activations__Softsign_forward_f32(unsigned grid, unsigned block, const void* in, const void* gy, const void* gg, void* out, long long n, const double* hyper, const void* const* tensors, const long long* inners, const long long* channels)
{ (void)gy; (void)gg; (void)hyper; (void)tensors; (void)inners; (void)channels; actgen_host_launch(grid, block, [&] { actgen_ActGen__Activations__Softsign_forward_f32((const float*)in, (float*)out, n); }); }
#endif

extern "C" __global__ void actgen_ActGen__Activations__Softsign_forward_f64(const double* __restrict__ in, double* __restrict__ out, long long n)
{
    const long long stride = (long long)blockDim.x * gridDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    long long done = 0;
    if (actgen_aligned16(in) && actgen_aligned16(out))
    {
        const long long vectors = n / 2;
        for (long long v = first; v < vectors; v += stride)
        {
            const double2 inv = reinterpret_cast<const double2*>(in)[v];
            double2 result;
            result.x = actgen_ActGen__Activations__Softsign::forward<double>(inv.x);
            result.y = actgen_ActGen__Activations__Softsign::forward<double>(inv.y);
            reinterpret_cast<double2*>(out)[v] = result;
        }
        done = vectors * 2;
    }
    for (long long i = done + first; i < n; i += stride)
    {
        out[i] = actgen_ActGen__Activations__Softsign::forward<double>(in[i]);
    }
}
#ifdef ACTGEN_HOST_CHECK
extern "C" void actgen_host_actgen_ActGen__Activations__Softsign_forward_f64(unsigned grid, unsigned block, const void* in, const void* gy, const void* gg, void* out, long long n, const double* hyper, const void* const* tensors, const long long* inners, const long long* channels)
{ (void)gy; (void)gg; (void)hyper; (void)tensors; (void)inners; (void)channels; actgen_host_launch(grid, block, [&] { actgen_ActGen__Activations__Softsign_forward_f64((const double*)in, (double*)out, n); }); }
#endif

extern "C" __global__ void actgen_ActGen__Activations__Softsign_forward_f16(const unsigned short* __restrict__ in, unsigned short* __restrict__ out, long long n)
{
    const long long stride = (long long)blockDim.x * gridDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    long long done = 0;
    if (actgen_aligned16(in) && actgen_aligned16(out))
    {
        const long long vectors = n / 8;
        for (long long v = first; v < vectors; v += stride)
        {
            const actgen_half8 inv = reinterpret_cast<const actgen_half8*>(in)[v];
            actgen_half8 result;
            result.h[0] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_f16_to_float(inv.h[0])));
            result.h[1] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_f16_to_float(inv.h[1])));
            result.h[2] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_f16_to_float(inv.h[2])));
            result.h[3] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_f16_to_float(inv.h[3])));
            result.h[4] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_f16_to_float(inv.h[4])));
            result.h[5] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_f16_to_float(inv.h[5])));
            result.h[6] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_f16_to_float(inv.h[6])));
            result.h[7] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_f16_to_float(inv.h[7])));
            reinterpret_cast<actgen_half8*>(out)[v] = result;
        }
        done = vectors * 8;
    }
    for (long long i = done + first; i < n; i += stride)
    {
        out[i] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_f16_to_float(in[i])));
    }
}
#ifdef ACTGEN_HOST_CHECK
extern "C" void actgen_host_actgen_ActGen__Activations__Softsign_forward_f16(unsigned grid, unsigned block, const void* in, const void* gy, const void* gg, void* out, long long n, const double* hyper, const void* const* tensors, const long long* inners, const long long* channels)
{ (void)gy; (void)gg; (void)hyper; (void)tensors; (void)inners; (void)channels; actgen_host_launch(grid, block, [&] { actgen_ActGen__Activations__Softsign_forward_f16((const unsigned short*)in, (unsigned short*)out, n); }); }
#endif

extern "C" __global__ void actgen_ActGen__Activations__Softsign_forward_bf16(const unsigned short* __restrict__ in, unsigned short* __restrict__ out, long long n)
{
    const long long stride = (long long)blockDim.x * gridDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    long long done = 0;
    if (actgen_aligned16(in) && actgen_aligned16(out))
    {
        const long long vectors = n / 8;
        for (long long v = first; v < vectors; v += stride)
        {
            const actgen_half8 inv = reinterpret_cast<const actgen_half8*>(in)[v];
            actgen_half8 result;
            result.h[0] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_bf16_to_float(inv.h[0])));
            result.h[1] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_bf16_to_float(inv.h[1])));
            result.h[2] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_bf16_to_float(inv.h[2])));
            result.h[3] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_bf16_to_float(inv.h[3])));
            result.h[4] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_bf16_to_float(inv.h[4])));
            result.h[5] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_bf16_to_float(inv.h[5])));
            result.h[6] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_bf16_to_float(inv.h[6])));
            result.h[7] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_bf16_to_float(inv.h[7])));
            reinterpret_cast<actgen_half8*>(out)[v] = result;
        }
        done = vectors * 8;
    }
    for (long long i = done + first; i < n; i += stride)
    {
        out[i] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::forward<float>(actgen_bf16_to_float(in[i])));
    }
}
#ifdef ACTGEN_HOST_CHECK
extern "C" void actgen_host_actgen_ActGen__Activations__Softsign_forward_bf16(unsigned grid, unsigned block, const void* in, const void* gy, const void* gg, void* out, long long n, const double* hyper, const void* const* tensors, const long long* inners, const long long* channels)
{ (void)gy; (void)gg; (void)hyper; (void)tensors; (void)inners; (void)channels; actgen_host_launch(grid, block, [&] { actgen_ActGen__Activations__Softsign_forward_bf16((const unsigned short*)in, (unsigned short*)out, n); }); }
#endif

extern "C" __global__ void actgen_ActGen__Activations__Softsign_backward_f32(const float* __restrict__ in, const float* __restrict__ gy, float* __restrict__ out, long long n)
{
    const long long stride = (long long)blockDim.x * gridDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    long long done = 0;
    if (actgen_aligned16(in) && actgen_aligned16(gy) && actgen_aligned16(out))
    {
        const long long vectors = n / 4;
        for (long long v = first; v < vectors; v += stride)
        {
            const float4 inv = reinterpret_cast<const float4*>(in)[v];
            const float4 gyv = reinterpret_cast<const float4*>(gy)[v];
            float4 result;
            result.x = actgen_ActGen__Activations__Softsign::backward<float>(inv.x, gyv.x);
            result.y = actgen_ActGen__Activations__Softsign::backward<float>(inv.y, gyv.y);
            result.z = actgen_ActGen__Activations__Softsign::backward<float>(inv.z, gyv.z);
            result.w = actgen_ActGen__Activations__Softsign::backward<float>(inv.w, gyv.w);
            reinterpret_cast<float4*>(out)[v] = result;
        }
        done = vectors * 4;
    }
    for (long long i = done + first; i < n; i += stride)
    {
        out[i] = actgen_ActGen__Activations__Softsign::backward<float>(in[i], gy[i]);
    }
}
#ifdef ACTGEN_HOST_CHECK
extern "C" void actgen_host_actgen_ActGen__Activations__Softsign_backward_f32(unsigned grid, unsigned block, const void* in, const void* gy, const void* gg, void* out, long long n, const double* hyper, const void* const* tensors, const long long* inners, const long long* channels)
{ (void)gy; (void)gg; (void)hyper; (void)tensors; (void)inners; (void)channels; actgen_host_launch(grid, block, [&] { actgen_ActGen__Activations__Softsign_backward_f32((const float*)in, (const float*)gy, (float*)out, n); }); }
#endif

extern "C" __global__ void actgen_ActGen__Activations__Softsign_backward_f64(const double* __restrict__ in, const double* __restrict__ gy, double* __restrict__ out, long long n)
{
    const long long stride = (long long)blockDim.x * gridDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    long long done = 0;
    if (actgen_aligned16(in) && actgen_aligned16(gy) && actgen_aligned16(out))
    {
        const long long vectors = n / 2;
        for (long long v = first; v < vectors; v += stride)
        {
            const double2 inv = reinterpret_cast<const double2*>(in)[v];
            const double2 gyv = reinterpret_cast<const double2*>(gy)[v];
            double2 result;
            result.x = actgen_ActGen__Activations__Softsign::backward<double>(inv.x, gyv.x);
            result.y = actgen_ActGen__Activations__Softsign::backward<double>(inv.y, gyv.y);
            reinterpret_cast<double2*>(out)[v] = result;
        }
        done = vectors * 2;
    }
    for (long long i = done + first; i < n; i += stride)
    {
        out[i] = actgen_ActGen__Activations__Softsign::backward<double>(in[i], gy[i]);
    }
}
#ifdef ACTGEN_HOST_CHECK
extern "C" void actgen_host_actgen_ActGen__Activations__Softsign_backward_f64(unsigned grid, unsigned block, const void* in, const void* gy, const void* gg, void* out, long long n, const double* hyper, const void* const* tensors, const long long* inners, const long long* channels)
{ (void)gy; (void)gg; (void)hyper; (void)tensors; (void)inners; (void)channels; actgen_host_launch(grid, block, [&] { actgen_ActGen__Activations__Softsign_backward_f64((const double*)in, (const double*)gy, (double*)out, n); }); }
#endif

extern "C" __global__ void actgen_ActGen__Activations__Softsign_backward_f16(const unsigned short* __restrict__ in, const unsigned short* __restrict__ gy, unsigned short* __restrict__ out, long long n)
{
    const long long stride = (long long)blockDim.x * gridDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    long long done = 0;
    if (actgen_aligned16(in) && actgen_aligned16(gy) && actgen_aligned16(out))
    {
        const long long vectors = n / 8;
        for (long long v = first; v < vectors; v += stride)
        {
            const actgen_half8 inv = reinterpret_cast<const actgen_half8*>(in)[v];
            const actgen_half8 gyv = reinterpret_cast<const actgen_half8*>(gy)[v];
            actgen_half8 result;
            result.h[0] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_f16_to_float(inv.h[0]), actgen_f16_to_float(gyv.h[0])));
            result.h[1] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_f16_to_float(inv.h[1]), actgen_f16_to_float(gyv.h[1])));
            result.h[2] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_f16_to_float(inv.h[2]), actgen_f16_to_float(gyv.h[2])));
            result.h[3] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_f16_to_float(inv.h[3]), actgen_f16_to_float(gyv.h[3])));
            result.h[4] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_f16_to_float(inv.h[4]), actgen_f16_to_float(gyv.h[4])));
            result.h[5] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_f16_to_float(inv.h[5]), actgen_f16_to_float(gyv.h[5])));
            result.h[6] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_f16_to_float(inv.h[6]), actgen_f16_to_float(gyv.h[6])));
            result.h[7] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_f16_to_float(inv.h[7]), actgen_f16_to_float(gyv.h[7])));
            reinterpret_cast<actgen_half8*>(out)[v] = result;
        }
        done = vectors * 8;
    }
    for (long long i = done + first; i < n; i += stride)
    {
        out[i] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_f16_to_float(in[i]), actgen_f16_to_float(gy[i])));
    }
}
#ifdef ACTGEN_HOST_CHECK
extern "C" void actgen_host_actgen_ActGen__Activations__Softsign_backward_f16(unsigned grid, unsigned block, const void* in, const void* gy, const void* gg, void* out, long long n, const double* hyper, const void* const* tensors, const long long* inners, const long long* channels)
{ (void)gy; (void)gg; (void)hyper; (void)tensors; (void)inners; (void)channels; actgen_host_launch(grid, block, [&] { actgen_ActGen__Activations__Softsign_backward_f16((const unsigned short*)in, (const unsigned short*)gy, (unsigned short*)out, n); }); }
#endif

extern "C" __global__ void actgen_ActGen__Activations__Softsign_backward_bf16(const unsigned short* __restrict__ in, const unsigned short* __restrict__ gy, unsigned short* __restrict__ out, long long n)
{
    const long long stride = (long long)blockDim.x * gridDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    long long done = 0;
    if (actgen_aligned16(in) && actgen_aligned16(gy) && actgen_aligned16(out))
    {
        const long long vectors = n / 8;
        for (long long v = first; v < vectors; v += stride)
        {
            const actgen_half8 inv = reinterpret_cast<const actgen_half8*>(in)[v];
            const actgen_half8 gyv = reinterpret_cast<const actgen_half8*>(gy)[v];
            actgen_half8 result;
            result.h[0] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_bf16_to_float(inv.h[0]), actgen_bf16_to_float(gyv.h[0])));
            result.h[1] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_bf16_to_float(inv.h[1]), actgen_bf16_to_float(gyv.h[1])));
            result.h[2] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_bf16_to_float(inv.h[2]), actgen_bf16_to_float(gyv.h[2])));
            result.h[3] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_bf16_to_float(inv.h[3]), actgen_bf16_to_float(gyv.h[3])));
            result.h[4] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_bf16_to_float(inv.h[4]), actgen_bf16_to_float(gyv.h[4])));
            result.h[5] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_bf16_to_float(inv.h[5]), actgen_bf16_to_float(gyv.h[5])));
            result.h[6] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_bf16_to_float(inv.h[6]), actgen_bf16_to_float(gyv.h[6])));
            result.h[7] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_bf16_to_float(inv.h[7]), actgen_bf16_to_float(gyv.h[7])));
            reinterpret_cast<actgen_half8*>(out)[v] = result;
        }
        done = vectors * 8;
    }
    for (long long i = done + first; i < n; i += stride)
    {
        out[i] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::backward<float>(actgen_bf16_to_float(in[i]), actgen_bf16_to_float(gy[i])));
    }
}
#ifdef ACTGEN_HOST_CHECK
extern "C" void actgen_host_actgen_ActGen__Activations__Softsign_backward_bf16(unsigned grid, unsigned block, const void* in, const void* gy, const void* gg, void* out, long long n, const double* hyper, const void* const* tensors, const long long* inners, const long long* channels)
{ (void)gy; (void)gg; (void)hyper; (void)tensors; (void)inners; (void)channels; actgen_host_launch(grid, block, [&] { actgen_ActGen__Activations__Softsign_backward_bf16((const unsigned short*)in, (const unsigned short*)gy, (unsigned short*)out, n); }); }
#endif

extern "C" __global__ void actgen_ActGen__Activations__Softsign_second_x_x_f32(const float* __restrict__ in, const float* __restrict__ gy, const float* __restrict__ gg, float* __restrict__ out, long long n)
{
    const long long stride = (long long)blockDim.x * gridDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    long long done = 0;
    if (actgen_aligned16(in) && actgen_aligned16(gy) && actgen_aligned16(gg) && actgen_aligned16(out))
    {
        const long long vectors = n / 4;
        for (long long v = first; v < vectors; v += stride)
        {
            const float4 inv = reinterpret_cast<const float4*>(in)[v];
            const float4 gyv = reinterpret_cast<const float4*>(gy)[v];
            const float4 ggv = reinterpret_cast<const float4*>(gg)[v];
            float4 result;
            result.x = actgen_ActGen__Activations__Softsign::second_x_x<float>(inv.x, gyv.x, ggv.x);
            result.y = actgen_ActGen__Activations__Softsign::second_x_x<float>(inv.y, gyv.y, ggv.y);
            result.z = actgen_ActGen__Activations__Softsign::second_x_x<float>(inv.z, gyv.z, ggv.z);
            result.w = actgen_ActGen__Activations__Softsign::second_x_x<float>(inv.w, gyv.w, ggv.w);
            reinterpret_cast<float4*>(out)[v] = result;
        }
        done = vectors * 4;
    }
    for (long long i = done + first; i < n; i += stride)
    {
        out[i] = actgen_ActGen__Activations__Softsign::second_x_x<float>(in[i], gy[i], gg[i]);
    }
}
#ifdef ACTGEN_HOST_CHECK
extern "C" void actgen_host_actgen_ActGen__Activations__Softsign_second_x_x_f32(unsigned grid, unsigned block, const void* in, const void* gy, const void* gg, void* out, long long n, const double* hyper, const void* const* tensors, const long long* inners, const long long* channels)
{ (void)gy; (void)gg; (void)hyper; (void)tensors; (void)inners; (void)channels; actgen_host_launch(grid, block, [&] { actgen_ActGen__Activations__Softsign_second_x_x_f32((const float*)in, (const float*)gy, (const float*)gg, (float*)out, n); }); }
#endif

extern "C" __global__ void actgen_ActGen__Activations__Softsign_second_x_x_f64(const double* __restrict__ in, const double* __restrict__ gy, const double* __restrict__ gg, double* __restrict__ out, long long n)
{
    const long long stride = (long long)blockDim.x * gridDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    long long done = 0;
    if (actgen_aligned16(in) && actgen_aligned16(gy) && actgen_aligned16(gg) && actgen_aligned16(out))
    {
        const long long vectors = n / 2;
        for (long long v = first; v < vectors; v += stride)
        {
            const double2 inv = reinterpret_cast<const double2*>(in)[v];
            const double2 gyv = reinterpret_cast<const double2*>(gy)[v];
            const double2 ggv = reinterpret_cast<const double2*>(gg)[v];
            double2 result;
            result.x = actgen_ActGen__Activations__Softsign::second_x_x<double>(inv.x, gyv.x, ggv.x);
            result.y = actgen_ActGen__Activations__Softsign::second_x_x<double>(inv.y, gyv.y, ggv.y);
            reinterpret_cast<double2*>(out)[v] = result;
        }
        done = vectors * 2;
    }
    for (long long i = done + first; i < n; i += stride)
    {
        out[i] = actgen_ActGen__Activations__Softsign::second_x_x<double>(in[i], gy[i], gg[i]);
    }
}
#ifdef ACTGEN_HOST_CHECK
extern "C" void actgen_host_actgen_ActGen__Activations__Softsign_second_x_x_f64(unsigned grid, unsigned block, const void* in, const void* gy, const void* gg, void* out, long long n, const double* hyper, const void* const* tensors, const long long* inners, const long long* channels)
{ (void)gy; (void)gg; (void)hyper; (void)tensors; (void)inners; (void)channels; actgen_host_launch(grid, block, [&] { actgen_ActGen__Activations__Softsign_second_x_x_f64((const double*)in, (const double*)gy, (const double*)gg, (double*)out, n); }); }
#endif

extern "C" __global__ void actgen_ActGen__Activations__Softsign_second_x_x_f16(const unsigned short* __restrict__ in, const unsigned short* __restrict__ gy, const unsigned short* __restrict__ gg, unsigned short* __restrict__ out, long long n)
{
    const long long stride = (long long)blockDim.x * gridDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    long long done = 0;
    if (actgen_aligned16(in) && actgen_aligned16(gy) && actgen_aligned16(gg) && actgen_aligned16(out))
    {
        const long long vectors = n / 8;
        for (long long v = first; v < vectors; v += stride)
        {
            const actgen_half8 inv = reinterpret_cast<const actgen_half8*>(in)[v];
            const actgen_half8 gyv = reinterpret_cast<const actgen_half8*>(gy)[v];
            const actgen_half8 ggv = reinterpret_cast<const actgen_half8*>(gg)[v];
            actgen_half8 result;
            result.h[0] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_f16_to_float(inv.h[0]), actgen_f16_to_float(gyv.h[0]), actgen_f16_to_float(ggv.h[0])));
            result.h[1] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_f16_to_float(inv.h[1]), actgen_f16_to_float(gyv.h[1]), actgen_f16_to_float(ggv.h[1])));
            result.h[2] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_f16_to_float(inv.h[2]), actgen_f16_to_float(gyv.h[2]), actgen_f16_to_float(ggv.h[2])));
            result.h[3] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_f16_to_float(inv.h[3]), actgen_f16_to_float(gyv.h[3]), actgen_f16_to_float(ggv.h[3])));
            result.h[4] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_f16_to_float(inv.h[4]), actgen_f16_to_float(gyv.h[4]), actgen_f16_to_float(ggv.h[4])));
            result.h[5] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_f16_to_float(inv.h[5]), actgen_f16_to_float(gyv.h[5]), actgen_f16_to_float(ggv.h[5])));
            result.h[6] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_f16_to_float(inv.h[6]), actgen_f16_to_float(gyv.h[6]), actgen_f16_to_float(ggv.h[6])));
            result.h[7] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_f16_to_float(inv.h[7]), actgen_f16_to_float(gyv.h[7]), actgen_f16_to_float(ggv.h[7])));
            reinterpret_cast<actgen_half8*>(out)[v] = result;
        }
        done = vectors * 8;
    }
    for (long long i = done + first; i < n; i += stride)
    {
        out[i] = actgen_float_to_f16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_f16_to_float(in[i]), actgen_f16_to_float(gy[i]), actgen_f16_to_float(gg[i])));
    }
}
#ifdef ACTGEN_HOST_CHECK
extern "C" void actgen_host_actgen_ActGen__Activations__Softsign_second_x_x_f16(unsigned grid, unsigned block, const void* in, const void* gy, const void* gg, void* out, long long n, const double* hyper, const void* const* tensors, const long long* inners, const long long* channels)
{ (void)gy; (void)gg; (void)hyper; (void)tensors; (void)inners; (void)channels; actgen_host_launch(grid, block, [&] { actgen_ActGen__Activations__Softsign_second_x_x_f16((const unsigned short*)in, (const unsigned short*)gy, (const unsigned short*)gg, (unsigned short*)out, n); }); }
#endif

extern "C" __global__ void actgen_ActGen__Activations__Softsign_second_x_x_bf16(const unsigned short* __restrict__ in, const unsigned short* __restrict__ gy, const unsigned short* __restrict__ gg, unsigned short* __restrict__ out, long long n)
{
    const long long stride = (long long)blockDim.x * gridDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    long long done = 0;
    if (actgen_aligned16(in) && actgen_aligned16(gy) && actgen_aligned16(gg) && actgen_aligned16(out))
    {
        const long long vectors = n / 8;
        for (long long v = first; v < vectors; v += stride)
        {
            const actgen_half8 inv = reinterpret_cast<const actgen_half8*>(in)[v];
            const actgen_half8 gyv = reinterpret_cast<const actgen_half8*>(gy)[v];
            const actgen_half8 ggv = reinterpret_cast<const actgen_half8*>(gg)[v];
            actgen_half8 result;
            result.h[0] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_bf16_to_float(inv.h[0]), actgen_bf16_to_float(gyv.h[0]), actgen_bf16_to_float(ggv.h[0])));
            result.h[1] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_bf16_to_float(inv.h[1]), actgen_bf16_to_float(gyv.h[1]), actgen_bf16_to_float(ggv.h[1])));
            result.h[2] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_bf16_to_float(inv.h[2]), actgen_bf16_to_float(gyv.h[2]), actgen_bf16_to_float(ggv.h[2])));
            result.h[3] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_bf16_to_float(inv.h[3]), actgen_bf16_to_float(gyv.h[3]), actgen_bf16_to_float(ggv.h[3])));
            result.h[4] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_bf16_to_float(inv.h[4]), actgen_bf16_to_float(gyv.h[4]), actgen_bf16_to_float(ggv.h[4])));
            result.h[5] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_bf16_to_float(inv.h[5]), actgen_bf16_to_float(gyv.h[5]), actgen_bf16_to_float(ggv.h[5])));
            result.h[6] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_bf16_to_float(inv.h[6]), actgen_bf16_to_float(gyv.h[6]), actgen_bf16_to_float(ggv.h[6])));
            result.h[7] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_bf16_to_float(inv.h[7]), actgen_bf16_to_float(gyv.h[7]), actgen_bf16_to_float(ggv.h[7])));
            reinterpret_cast<actgen_half8*>(out)[v] = result;
        }
        done = vectors * 8;
    }
    for (long long i = done + first; i < n; i += stride)
    {
        out[i] = actgen_float_to_bf16(actgen_ActGen__Activations__Softsign::second_x_x<float>(actgen_bf16_to_float(in[i]), actgen_bf16_to_float(gy[i]), actgen_bf16_to_float(gg[i])));
    }
}
#ifdef ACTGEN_HOST_CHECK
extern "C" void actgen_host_actgen_ActGen__Activations__Softsign_second_x_x_bf16(unsigned grid, unsigned block, const void* in, const void* gy, const void* gg, void* out, long long n, const double* hyper, const void* const* tensors, const long long* inners, const long long* channels)
{ (void)gy; (void)gg; (void)hyper; (void)tensors; (void)inners; (void)channels; actgen_host_launch(grid, block, [&] { actgen_ActGen__Activations__Softsign_second_x_x_bf16((const unsigned short*)in, (const unsigned short*)gy, (const unsigned short*)gg, (unsigned short*)out, n); }); }
#endif
