using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ActGen.Tests.Torch;

/// <summary>One catalog activation (with given hyper-parameters) and TorchSharp's own op for it.</summary>
/// <param name="Kinks">Points where the function is not differentiable (parity checks them; finite differences avoid them).</param>
/// <param name="Float64Gradient">The float64 gradient tolerance where TorchSharp's own op is less precise than that.</param>
public sealed record ParityCase(string Name, Func<Tensor, Tensor> ActGen, Func<Tensor, Tensor> Torch, double[] Kinks, double Float64Gradient = 1e-9)
{
    public override string ToString() => Name;
}

/// <summary>The whole catalog against TorchSharp's ops, at PyTorch's defaults and at a few non-default hyper-parameters.</summary>
public static class ParityCases
{
    private const double RReluLower = 1.0 / 8, RReluUpper = 1.0 / 3;

    private static Tensor Scalar(double value, Tensor like) => tensor(value, dtype: like.dtype);

    /// <summary>
    /// hardtanh through relu6 (libtorch's hardtanh(0, 6)): TorchSharp 0.107's <c>functional.hardtanh</c> and
    /// <c>nn.Hardtanh</c> return their input unchanged (gradient 1 everywhere). Exact at both bounds, forward and backward.
    /// </summary>
    private static Tensor HardTanh(Tensor x, double min, double max) => F.relu6((x - min) * 6 / (max - min)) * (max - min) / 6 + min;

    public static IReadOnlyList<ParityCase> All { get; } =
    [
        new("Sigmoid", x => Activations.Sigmoid(x), x => sigmoid(x), []),
        new("Tanh", x => Activations.Tanh(x), x => tanh(x), []),
        new("Relu", x => Activations.Relu(x), x => F.relu(x), [0]),
        new("LeakyRelu", x => Activations.LeakyRelu(x), x => F.leaky_relu(x), [0]),
        new("LeakyRelu(0.2)", x => Activations.LeakyRelu(x, negativeSlope: 0.2), x => F.leaky_relu(x, 0.2), [0]),
        new("PRelu", x => Activations.PRelu(x, Scalar(0.25, x)), x => F.prelu(x, Scalar(0.25, x)), [0]),
        new("PRelu(-0.7)", x => Activations.PRelu(x, Scalar(-0.7, x)), x => F.prelu(x, Scalar(-0.7, x)), [0]),
        new("RRelu(eval)", x => Activations.RRelu(x), x => F.leaky_relu(x, (RReluLower + RReluUpper) / 2), [0]),
        new("RRelu(eval, 0.1, 0.5)", x => Activations.RRelu(x, training: false, lower: 0.1, upper: 0.5), x => F.leaky_relu(x, 0.3), [0]),
        new("Elu", x => Activations.Elu(x), x => F.elu(x, 1.0), [0]),
        new("Elu(0.5)", x => Activations.Elu(x, alpha: 0.5), x => F.elu(x, 0.5), [0]),
        new("Selu", x => Activations.Selu(x), x => F.selu(x), [0]),
        new("Celu", x => Activations.Celu(x), x => F.celu(x, 1.0), [0]),
        new("Celu(2)", x => Activations.Celu(x, alpha: 2.0), x => F.celu(x, 2.0), [0]),
        new("Gelu", x => Activations.Gelu(x), x => F.gelu(x), []),
        new("GeluTanh", x => Activations.GeluTanh(x), x => F.gelu(x, GELU.Approximate.tanh), []),
        new("Silu", x => Activations.Silu(x), x => F.silu(x), []),
        new("Swish", x => Activations.Swish(x), x => x * sigmoid(x), []),
        new("Swish(1.7)", x => Activations.Swish(x, beta: 1.7), x => x * sigmoid(1.7 * x), []),
        new("Mish", x => Activations.Mish(x), x => F.mish(x), []),
        new("Softplus", x => Activations.Softplus(x), x => F.softplus(x), []),
        new("Softplus(2, 10)", x => Activations.Softplus(x, beta: 2, threshold: 10), x => F.softplus(x, 2, 10), [5]),
        new("Softplus(0.5, 3)", x => Activations.Softplus(x, beta: 0.5, threshold: 3), x => F.softplus(x, 0.5, 3), [6]),
        new("Relu6", x => Activations.Relu6(x), x => F.relu6(x), [0, 6]),
        // libtorch's hardsigmoid backward multiplies by 1/6 rounded to float32 even in float64 (3e-8 relative).
        new("HardSigmoid", x => Activations.HardSigmoid(x), x => F.hardsigmoid(x), [-3, 3], Float64Gradient: 5e-8),
        new("HardSwish", x => Activations.HardSwish(x), x => F.hardswish(x), [-3, 3]),
        new("HardTanh", x => Activations.HardTanh(x), x => HardTanh(x, -1, 1), [-1, 1]),
        new("HardTanh(-2, 3)", x => Activations.HardTanh(x, minVal: -2, maxVal: 3), x => HardTanh(x, -2, 3), [-2, 3]),
        new("Softsign", x => Activations.Softsign(x), x => F.softsign(x), []),
        new("LogSigmoid", x => Activations.LogSigmoid(x), x => F.logsigmoid(x), []),
    ];

    public static ParityCase Get(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All)
        {
            data.Add(c.Name);
        }

        return data;
    }
}
