using TorchSharp;
using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>The value of a randomized parameter: per element from U(lower, upper) in training, the mean in evaluation.</summary>
public static class RandomizedParameter
{
    /// <summary>
    /// In float32/float64 the draw is <see cref="CounterUniform"/>'s, seeded with one number from torch's default (CPU)
    /// generator, so <c>torch.manual_seed</c> makes it reproducible and one seed gives the same values on CPU and GPU:
    /// managed and parallel on CPU (libtorch's own <c>uniform_</c> runs on one thread at several ns per element), a CUDA
    /// kernel on GPU where the CUDA runtime is found. Elsewhere it is <c>uniform_</c>.
    /// </summary>
    public static Tensor Draw(Tensor x, bool training, double lower, double upper)
    {
        if (!training)
        {
            return tensor((lower + upper) / 2, dtype: x.dtype, device: x.device);
        }

        var slopes = empty(x.shape, dtype: x.dtype, device: x.device);
        if (x.device_type is not (DeviceType.CPU or DeviceType.CUDA) || x.dtype is not (ScalarType.Float32 or ScalarType.Float64))
        {
            return slopes.uniform_(lower, upper);
        }

        using var seedTensor = randint(long.MaxValue, [1], dtype: ScalarType.Int64);
        var seed = unchecked((ulong)seedTensor.item<long>());
        if (x.device_type == DeviceType.CPU)
        {
            ManagedKernels.Fill(slopes, seed, lower, upper);
            return slopes;
        }

        return Cuda.CudaDispatch.Default.Draw(slopes, seed, lower, upper) ? slopes : slopes.uniform_(lower, upper);
    }
}
