namespace ActGen;

/// <summary>How a parameter after the input behaves.</summary>
public enum ParameterRole
{
    /// <summary>Fixed for a call or a module; has a default.</summary>
    Hyper,

    /// <summary>Learned by the network; <see cref="ActivationParameter.Default"/> is its initial value.</summary>
    Learnable,

    /// <summary>Drawn per element from U(lower, upper) in training; the mean in evaluation.</summary>
    Randomized,
}

/// <summary>
/// A parameter of an activation. <see cref="Default"/> is the default (hyper), the initial value (learnable)
/// or the evaluation value (lower + upper) / 2 (randomized).
/// </summary>
public sealed record ActivationParameter(string Name, ParameterRole Role, double Default, double Lower = 0, double Upper = 0);
