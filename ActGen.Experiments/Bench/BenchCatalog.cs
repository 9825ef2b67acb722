using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;
using A = ActGen.Activations;

namespace ActGen.Experiments.Bench;

/// <summary>
/// Every catalog activation TorchSharp also has, plus Swish with β = 1.5, PReLU (learnable slope, which gets
/// its gradient too) and RReLU in training mode (built-in only through TorchScript).
/// </summary>
public static class BenchCatalog
{
    private const double Lower = 1.0 / 8, Upper = 1.0 / 3, SwishBeta = 1.5;

    public static IReadOnlyList<BenchCase> All { get; } =
    [
        Simple("sigmoid", "Sigmoid", x => A.Sigmoid(x), x => F.sigmoid(x), Composed.Sigmoid),
        Simple("tanh", "Tanh", x => A.Tanh(x), x => F.tanh(x), Composed.Tanh),
        Simple("relu", "Relu", x => A.Relu(x), x => F.relu(x), Composed.Relu),
        Simple("leaky_relu", "LeakyRelu", x => A.LeakyRelu(x), x => F.leaky_relu(x, 0.01), x => Composed.LeakyRelu(x, 0.01), [0.01]),
        PRelu(),
        RRelu(),
        Simple("elu", "Elu", x => A.Elu(x), x => F.elu(x, 1.0), x => Composed.Elu(x, 1.0), [1.0]),
        Simple("selu", "Selu", x => A.Selu(x), x => F.selu(x), Composed.Selu),
        Simple("celu", "Celu", x => A.Celu(x), x => F.celu(x, 1.0), x => Composed.Celu(x, 1.0), [1.0]),
        Simple("gelu", "Gelu", x => A.Gelu(x), x => F.gelu(x), Composed.Gelu),
        Simple("gelu_tanh", "GeluTanh", x => A.GeluTanh(x), x => F.gelu(x, TorchSharp.Modules.GELU.Approximate.tanh), Composed.GeluTanh),
        Simple("silu", "Silu", x => A.Silu(x), x => F.silu(x), Composed.Silu),
        Simple("swish", "Swish", x => A.Swish(x, SwishBeta), null, x => Composed.Swish(x, SwishBeta), [SwishBeta]),
        Simple("mish", "Mish", x => A.Mish(x), x => F.mish(x), Composed.Mish),
        Simple("softplus", "Softplus", x => A.Softplus(x), x => F.softplus(x, 1.0, 20.0), x => Composed.Softplus(x, 1.0, 20.0), [1.0, 20.0]),
        Simple("relu6", "Relu6", x => A.Relu6(x), x => F.relu6(x), Composed.Relu6),
        Simple("hardsigmoid", "HardSigmoid", x => A.HardSigmoid(x), x => F.hardsigmoid(x), Composed.HardSigmoid),
        Simple("hardswish", "HardSwish", x => A.HardSwish(x), x => F.hardswish(x), Composed.HardSwish),
        Simple("hardtanh", "HardTanh", x => A.HardTanh(x), x => F.hardtanh(x, -1.0, 1.0), Composed.HardTanh, [-1.0, 1.0]),
        Simple("softsign", "Softsign", x => A.Softsign(x), x => F.softsign(x), Composed.Softsign),
        Simple("logsigmoid", "LogSigmoid", x => A.LogSigmoid(x), x => F.logsigmoid(x), Composed.LogSigmoid),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(c => c.Name).ToArray();

    /// <summary>The case called <paramref name="name"/> (case, '-' and '_' ignored), or null.</summary>
    public static BenchCase? Find(string name) =>
        All.FirstOrDefault(c => Normalize(c.Name) == Normalize(name) || Normalize(c.Registry ?? "") == Normalize(name));

    private static string Normalize(string name) => name.Replace("-", "").Replace("_", "").ToLowerInvariant();

    private static BenchCase Simple(
        string name, string registry, Func<Tensor, Tensor> actgen, Func<Tensor, Tensor>? builtin, Func<Tensor, Tensor> composed,
        double[]? parameters = null) =>
        new(name, registry, _ => Implementations(actgen, builtin, composed, []), parameters ?? []);

    private static IReadOnlyList<Impl> Implementations(
        Func<Tensor, Tensor> actgen, Func<Tensor, Tensor>? builtin, Func<Tensor, Tensor> composed, Tensor[] parameters) =>
        new[]
        {
            new Impl(ImplName.ActGen, actgen, parameters),
            builtin is null ? null : new Impl(ImplName.Builtin, builtin, parameters),
            new Impl(ImplName.Composed, composed, parameters),
        }.OfType<Impl>().ToArray();

    private static BenchCase PRelu() => new("prelu", "PRelu", dtype =>
    {
        // One learnable slope per implementation, so that each one's gradient is its own.
        Tensor Weight() => full(1, 0.25, dtype: dtype).requires_grad_(true);
        var (a, b, c) = (Weight(), Weight(), Weight());
        return
        [
            new Impl(ImplName.ActGen, x => A.PRelu(x, a), [a]),
            new Impl(ImplName.Builtin, x => F.prelu(x, b), [b]),
            new Impl(ImplName.Composed, x => Composed.PRelu(x, c), [c]),
        ];
    }, [0.25]);

    private static BenchCase RRelu() => new("rrelu_train", null, _ =>
    {
        var script = jit.compile(FormattableString.Invariant($"def f(x):\n    return torch.rrelu(x, {Lower:R}, {Upper:R}, True)\n"));
        return
        [
            new Impl(ImplName.ActGen, x => A.RRelu(x, training: true, Lower, Upper), []),
            new Impl(ImplName.Builtin, x => script.invoke<Tensor>("f", x), []),
            new Impl(ImplName.Composed, x => Composed.RRelu(x, Lower, Upper), []),
        ];
    }, []);
}
