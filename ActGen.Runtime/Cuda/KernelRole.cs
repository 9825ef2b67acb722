namespace ActGen.Cuda;

/// <summary>Which generated kernel a call runs; every kernel but the forward also reads the incoming gradient.</summary>
internal abstract record KernelRole
{
    private KernelRole()
    {
    }

    public sealed record Forward : KernelRole;

    /// <param name="FromOutput">The definition's backward reads y, not x (<c>backward_from_output</c>).</param>
    public sealed record Backward(bool FromOutput) : KernelRole;

    /// <summary>gy · ∂f/∂θ for the parameter at declaration index <paramref name="Parameter"/>.</summary>
    public sealed record Gradient(int Parameter) : KernelRole;

    public bool ReadsGradOutput => this is not Forward;

    /// <summary>The part of the kernel's name between the activation's prefix and the element type.</summary>
    public string Suffix => this switch
    {
        Forward => "forward",
        Backward { FromOutput: true } => "backward_from_output",
        Backward => "backward",
        Gradient g => $"grad_{g.Parameter}",
        _ => throw new System.InvalidOperationException($"unknown kernel role {this}"),
    };
}
