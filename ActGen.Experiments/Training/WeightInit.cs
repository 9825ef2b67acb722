using System;
using ActGen.Experiments.Theory;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>Draws a dense layer's weights and biases as an <see cref="Init"/> describes.</summary>
public static class WeightInit
{
    public static void Apply(Linear layer, Init init)
    {
        using var _ = no_grad();
        var weight = layer.weight!;
        var (fanOut, fanIn) = ((int)weight.shape[0], (int)weight.shape[1]);
        switch (init.Distribution)
        {
            case WeightDistribution.Uniform:
                var bound = init.UniformBound(fanIn, fanOut);
                nn.init.uniform_(weight, -bound, bound);
                break;
            case WeightDistribution.Normal:
                nn.init.normal_(weight, 0, Math.Sqrt(init.WeightVariance(fanIn, fanOut)));
                break;
            default:
                nn.init.orthogonal_(weight, 1.0);
                break;
        }
        var biasBound = Math.Sqrt(3 * init.BiasVariance(fanIn));
        if (biasBound > 0) nn.init.uniform_(layer.bias!, -biasBound, biasBound);
        else nn.init.zeros_(layer.bias!);
    }
}
