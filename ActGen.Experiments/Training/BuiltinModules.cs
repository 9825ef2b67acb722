using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>
/// TorchSharp's own activation modules under the catalog's names: a stand-in until the ActGen registry
/// builds generated modules by name.
/// </summary>
public static class BuiltinModules
{
    public static IReadOnlyDictionary<string, Func<nn.Module<Tensor, Tensor>>> ByName { get; } =
        new Dictionary<string, Func<nn.Module<Tensor, Tensor>>>
        {
            ["Sigmoid"] = () => nn.Sigmoid(),
            ["Tanh"] = () => nn.Tanh(),
            ["Relu"] = () => nn.ReLU(),
            ["LeakyRelu"] = () => nn.LeakyReLU(0.01),
            ["Elu"] = () => nn.ELU(),
            ["Selu"] = () => nn.SELU(),
            ["Celu"] = () => nn.CELU(),
            ["Gelu"] = () => nn.GELU(),
            ["Silu"] = () => nn.SiLU(),
            ["Mish"] = () => nn.Mish(),
            ["Softplus"] = () => nn.Softplus(),
            ["Relu6"] = () => nn.ReLU6(),
            ["HardSigmoid"] = () => nn.Hardsigmoid(),
            ["HardSwish"] = () => nn.Hardswish(),
            ["HardTanh"] = () => nn.Hardtanh(),
            ["Softsign"] = () => nn.Softsign(),
            ["LogSigmoid"] = () => nn.LogSigmoid(),
        };
}
