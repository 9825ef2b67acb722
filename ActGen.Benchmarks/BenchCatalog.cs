using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Torch;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;
using A = ActGen.Activations;

namespace ActGen.Benchmarks;

/// <summary>
/// Every catalog activation TorchSharp also has, plus Swish with β = 1.5, PReLU (learnable slope, which gets
/// its gradient too) and RReLU in training mode (built-in only through TorchScript). Every hyper-parameter, initial
/// value and randomized range is read from the activation's registered definition (<see cref="Defaults"/>), so the
/// three implementations always compute the catalog's function.
/// </summary>
public static class BenchCatalog
{
    /// <summary>Not Swish's default (1): a hyper-parameter away from 1 keeps the multiply by β in every path.</summary>
    public const double SwishBeta = 1.5;

    private static readonly Defaults D = new();

    public static IReadOnlyList<BenchCase> All { get; } =
    [
        Simple("sigmoid", "Sigmoid", x => A.Sigmoid(x), x => F.sigmoid(x), Composed.Sigmoid),
        Simple("tanh", "Tanh", x => A.Tanh(x), x => F.tanh(x), Composed.Tanh),
        Simple("relu", "Relu", x => A.Relu(x), x => F.relu(x), Composed.Relu),
        LeakyRelu(D.Of("LeakyRelu", "negativeSlope")),
        PRelu(D.Of("PRelu", "weight")),
        RRelu(D.Parameter("RRelu", "slope")),
        Elu(D.Of("Elu", "alpha")),
        Selu(D.SeluConstants()),
        Celu(D.Of("Celu", "alpha")),
        Simple("gelu", "Gelu", x => A.Gelu(x), x => F.gelu(x), Composed.Gelu),
        Simple("gelu_tanh", "GeluTanh", x => A.GeluTanh(x), x => F.gelu(x, TorchSharp.Modules.GELU.Approximate.tanh), Composed.GeluTanh),
        Simple("silu", "Silu", x => A.Silu(x), x => F.silu(x), Composed.Silu),
        Simple("swish", "Swish", x => A.Swish(x, SwishBeta), null, x => Composed.Swish(x, SwishBeta), [SwishBeta]),
        Simple("mish", "Mish", x => A.Mish(x), x => x * Held.Softplus(x, K(1), K(20)).tanh(), Composed.Mish),
        Softplus(D.Of("Softplus", "beta"), D.Of("Softplus", "threshold")),
        Simple("relu6", "Relu6", x => A.Relu6(x), x => F.relu6(x), Composed.Relu6),
        Simple("hardsigmoid", "HardSigmoid", x => A.HardSigmoid(x), x => F.hardsigmoid(x), Composed.HardSigmoid),
        Simple("hardswish", "HardSwish", x => A.HardSwish(x), x => F.hardswish(x), Composed.HardSwish),
        HardTanh(D.Of("HardTanh", "minVal"), D.Of("HardTanh", "maxVal")),
        Simple("softsign", "Softsign", x => A.Softsign(x), x => x.div(x.abs().Plus(Scalars.One)), Composed.Softsign),
        Simple("logsigmoid", "LogSigmoid", x => A.LogSigmoid(x), x => F.logsigmoid(x), Composed.LogSigmoid),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(c => c.Name).ToArray();

    /// <summary>The case called <paramref name="name"/> (case, '-' and '_' ignored), or null.</summary>
    public static BenchCase? Find(string name) =>
        All.FirstOrDefault(c => Normalize(c.Name) == Normalize(name) || Normalize(c.Registry ?? "") == Normalize(name));

    private static string Normalize(string name) => name.Replace("-", "").Replace("_", "").ToLowerInvariant();

    private static BenchCase LeakyRelu(double slope) => Kept([slope], k => Simple(
        "leaky_relu", "LeakyRelu", x => A.LeakyRelu(x, slope), x => x.leaky_relu(k[0]), x => Composed.LeakyRelu(x, slope), [slope]));

    private static BenchCase Elu(double alpha) => Kept([alpha, 1.0], k => Simple(
        "elu", "Elu", x => A.Elu(x, alpha), x => x.elu(k[0], k[1], k[1]), x => Composed.Elu(x, alpha), [alpha]));

    private static BenchCase Selu((double Scale, double Alpha) c) => Simple(
        "selu", "Selu", x => A.Selu(x), x => F.selu(x), x => Composed.Selu(x, c.Scale, c.Alpha));

    private static BenchCase Celu(double alpha) => Kept([alpha], k => Simple(
        "celu", "Celu", x => A.Celu(x, alpha), x => x.celu(k[0]), x => Composed.Celu(x, alpha), [alpha]));

    private static BenchCase Softplus(double beta, double threshold) => Kept([beta, threshold], k => Simple(
        "softplus", "Softplus", x => A.Softplus(x, beta, threshold), x => Held.Softplus(x, k[0], k[1]),
        x => Composed.Softplus(x, beta, threshold), [beta, threshold]));

    // TorchSharp 0.107's F.hardtanh (and nn.Hardtanh) return their input unchanged; clamp is libtorch's hardtanh.
    private static BenchCase HardTanh(double min, double max) => Kept([min, max], k => Simple(
        "hardtanh", "HardTanh", x => A.HardTanh(x, min, max), x => x.clamp(k[0], k[1]), x => Composed.HardTanh(x, min, max), [min, max]));

    /// <summary>
    /// The builtin's scalars, looked up once per case and held for the process (<see cref="Scalars"/>): TorchSharp
    /// 0.107's Tensor methods pass a Scalar's handle to native code without keeping the Scalar alive, so the temporary
    /// that a double converts to can be finalized during the call (seen: celu at 2^16 float64 aborted the bench in
    /// Scalar::toDouble). With <c>F.celu(x, alpha)</c> and the like TorchSharp makes that temporary itself.
    /// </summary>
    private static BenchCase Kept(double[] values, Func<TorchSharp.Scalar[], BenchCase> make) => make(values.Select(K).ToArray());

    private static TorchSharp.Scalar K(double value) => Scalars.Kept(value);

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

    private static BenchCase PRelu(double initial) => new("prelu", "PRelu", dtype =>
    {
        // One learnable slope per implementation, so that each one's gradient is its own.
        Tensor Weight() => full(1, K(initial), dtype: dtype).requires_grad_(true);
        var (a, b, c) = (Weight(), Weight(), Weight());
        return
        [
            new Impl(ImplName.ActGen, x => A.PRelu(x, a), [a]),
            new Impl(ImplName.Builtin, x => F.prelu(x, b), [b]),
            new Impl(ImplName.Composed, x => Composed.PRelu(x, c), [c]),
        ];
    }, [initial]);

    private static BenchCase RRelu(ActivationParameter slope) => new("rrelu_train", null, _ =>
    {
        var (lower, upper) = (slope.Lower, slope.Upper);
        var script = jit.compile(FormattableString.Invariant($"def f(x):\n    return torch.rrelu(x, {lower:R}, {upper:R}, True)\n"));
        return
        [
            new Impl(ImplName.ActGen, x => A.RRelu(x, training: true, lower, upper), []),
            new Impl(ImplName.Builtin, x => script.invoke<Tensor>("f", x), []),
            new Impl(ImplName.Composed, x => Composed.RRelu(x, lower, upper), []),
        ];
    }, []);
}
