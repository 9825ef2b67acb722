using System.Linq;
using ActGen.Cuda;
using Xunit;

namespace ActGen.Tests.Cuda;

public class CudaKernelDeclarationTests
{
    [Fact]
    public void ReadsEachKernelsParametersWithoutRestrictOrLayout()
    {
        const string source = """
            __device__ float helper(float v) { return v; }
            extern "C" __global__ void act_forward_f32(const float  * __restrict__ in,
                float* __restrict__ out, long long n, double p0)
            { }
            extern "C" __global__ void act_backward_f64(const double* in, const double *gy, double* out, long long n) { }
            """;

        var kernels = CudaKernelDeclaration.In(source);

        Assert.Equal(["act_forward_f32", "act_backward_f64"], kernels.Select(k => k.Name));
        Assert.Equal(
            ["const float* in", "float* out", "long long n", "double p0"], kernels[0].Parameters.Select(p => p.ToString()));
        Assert.Equal(["const double*", "const double*", "double*", "long long"], kernels[1].Parameters.Select(p => p.Type));
        Assert.Equal(["in", "gy", "out", "n"], kernels[1].Parameters.Select(p => p.Name));
    }
}
