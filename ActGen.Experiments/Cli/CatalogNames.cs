using System.Collections.Generic;

namespace ActGen.Experiments.Cli;

/// <summary>
/// The built-in catalog's names as DESIGN.md pins them (ActGen.Activations). A stand-in for the runtime
/// registry until it lands: the command line only needs the list of names it may accept.
/// </summary>
public static class CatalogNames
{
    public static IReadOnlyList<string> Builtin { get; } =
    [
        "Sigmoid", "Tanh", "Relu", "LeakyRelu", "PRelu", "RRelu", "Elu", "Selu", "Celu", "Gelu", "GeluTanh",
        "Silu", "Mish", "Softplus", "Relu6", "HardSigmoid", "HardSwish", "HardTanh", "Softsign", "LogSigmoid",
    ];
}
