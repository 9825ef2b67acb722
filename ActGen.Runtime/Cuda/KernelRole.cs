namespace ActGen.Cuda;

/// <summary>
/// Which generated kernel a call runs; every kernel but the forward also reads the incoming gradient, and the second order
/// the gradient of the backward's result.
/// </summary>
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

    /// <summary>
    /// gg · gy · ∂²f/∂a∂b, the backward's own backward; a and b are declaration indices of learnable parameters, null for
    /// the input (or the output, where the backward reads it), in the generated order (the input first, then by index).
    /// </summary>
    public sealed record SecondOrder(int? First, int? Second) : KernelRole;

    public bool ReadsGradOutput => this is not Forward;

    /// <summary>The second order also reads gg, the gradient that reaches the backward's result.</summary>
    public bool ReadsGradGrad => this is SecondOrder;

    /// <summary>The part of the kernel's name between the activation's prefix and the element type.</summary>
    public string Suffix => this switch
    {
        Forward => "forward",
        Backward { FromOutput: true } => "backward_from_output",
        Backward => "backward",
        Gradient g => $"grad_{g.Parameter}",
        SecondOrder s => $"second_{s.First?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "x"}_"
            + (s.Second?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "x"),
        _ => throw new System.InvalidOperationException($"unknown kernel role {this}"),
    };
}
