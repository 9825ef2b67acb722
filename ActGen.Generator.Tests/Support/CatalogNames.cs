namespace ActGen.Tests.Support;

/// <summary>The built-in catalog's activations (shared by both test projects).</summary>
internal static class CatalogNames
{
    public static readonly string[] All =
    [
        "Sigmoid", "Tanh", "Relu", "LeakyRelu", "PRelu", "RRelu", "Elu", "Selu", "Celu", "Gelu", "GeluTanh",
        "Silu", "Swish", "Mish", "Softplus", "Relu6", "HardSigmoid", "HardSwish", "HardTanh", "Softsign", "LogSigmoid",
    ];
}
