using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>The value of a randomized parameter: per element from U(lower, upper) in training, the mean in evaluation.</summary>
public static class RandomizedParameter
{
    public static Tensor Draw(Tensor x, bool training, double lower, double upper) =>
        training
            ? empty_like(x).uniform_(lower, upper)
            : tensor((lower + upper) / 2, dtype: x.dtype, device: x.device);
}
