using ActGen.Experiments.Cli;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>The optimisers a sweep trains with, at the defaults of the frameworks the presets follow.</summary>
public static class Optimizers
{
    /// <summary>
    /// Adam with β = (0.9, 0.999), ε = 1e-8 (TensorFlow's AdamOptimizer and PyTorch agree); RMSprop with Keras's
    /// ρ = 0.9 and ε = 1e-7 (PyTorch's defaults are 0.99 and 1e-8); plain SGD.
    /// </summary>
    public static optim.Optimizer Create(OptimizerKind kind, Parameter[] parameters, double lr) => kind switch
    {
        OptimizerKind.Adam => optim.Adam(parameters, lr),
        OptimizerKind.Rmsprop => optim.RMSProp(parameters, lr, alpha: 0.9, eps: 1e-7),
        _ => optim.SGD(parameters, lr),
    };
}
