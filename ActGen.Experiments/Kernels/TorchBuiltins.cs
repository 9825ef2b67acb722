using System.Collections.Generic;
using System.Globalization;

namespace ActGen.Experiments.Kernels;

/// <summary>
/// The PyTorch (Python) builtin each catalog activation must match, for the device check: an expression in <c>x</c>,
/// <c>torch</c>, <c>F</c> (<c>torch.nn.functional</c>) and the activation's parameter names, each bound to its default
/// (a tensor parameter to a one-element tensor). Catalog members without a builtin (Swish) have none.
/// </summary>
internal static class TorchBuiltins
{
    private static readonly Dictionary<string, string> ByName = new()
    {
        ["Sigmoid"] = "torch.sigmoid(x)",
        ["Tanh"] = "torch.tanh(x)",
        ["Relu"] = "torch.relu(x)",
        ["LeakyRelu"] = "F.leaky_relu(x, negativeSlope)",
        ["PRelu"] = "F.prelu(x, weight)",
        ["Elu"] = "F.elu(x, alpha)",
        ["Selu"] = "F.selu(x)",
        ["Celu"] = "F.celu(x, alpha)",
        ["Gelu"] = "F.gelu(x)",
        ["GeluTanh"] = "F.gelu(x, approximate='tanh')",
        ["Silu"] = "F.silu(x)",
        ["Mish"] = "F.mish(x)",
        ["Softplus"] = "F.softplus(x, beta, threshold)",
        ["Relu6"] = "F.relu6(x)",
        ["HardSigmoid"] = "F.hardsigmoid(x)",
        ["HardSwish"] = "F.hardswish(x)",
        ["HardTanh"] = "F.hardtanh(x, minVal, maxVal)",
        ["Softsign"] = "F.softsign(x)",
        ["LogSigmoid"] = "F.logsigmoid(x)",
    };

    /// <summary>The builtin's call, or null where the activation is not the catalog's or has none.</summary>
    public static string? For(ActivationDefinition d) =>
        d.Owner != "ActGen.Activations" ? null
        : d.Name == "RRelu" ? RRelu(d.Parameters[0])
        : ByName.GetValueOrDefault(d.Name);

    /// <summary>In evaluation RReLU is leaky ReLU at (lower + upper)/2: the kernels' slope parameter at its default.</summary>
    private static string RRelu(ActivationParameter slope) =>
        string.Create(CultureInfo.InvariantCulture, $"F.rrelu(x, {slope.Lower:R}, {slope.Upper:R}, training=False)");
}
