namespace ActGen.Generator.Model;

internal enum ParameterKind
{
    /// <summary>A plain parameter with a default: fixed per call or per module.</summary>
    Hyper,

    /// <summary>A parameter the network learns (<c>[Learnable(initial)]</c>).</summary>
    Learnable,

    /// <summary>Drawn per element from U(lower, upper) in training, (lower + upper)/2 in eval (<c>[Randomized(l, u)]</c>).</summary>
    Randomized,
}

/// <summary>A parameter after the input. <see cref="Value"/> is the default (hyper) or the initial value (learnable).</summary>
internal sealed record ParameterModel(string Name, ParameterKind Kind, double Value, double Lower, double Upper);
