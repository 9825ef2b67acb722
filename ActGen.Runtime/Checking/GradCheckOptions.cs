namespace ActGen;

/// <summary>
/// Settings of <see cref="GradCheck"/>, PyTorch's gradcheck defaults: an analytical entry a passes against the
/// numerical n when |a − n| ≤ <see cref="AbsoluteTolerance"/> + <see cref="RelativeTolerance"/> · |n|.
/// </summary>
/// <param name="Eps">The finite-difference step (central differences, in float64).</param>
/// <param name="ElementWise">
/// The function maps each input element to the output element at the same index (every activation does): the
/// input's Jacobian is then diagonal and one pair of evaluations gives all of it. Set false for any other function:
/// each input element is then perturbed on its own (two evaluations per element).
/// </param>
/// <param name="Seed">Seed of the random output gradient v that the check projects on (it compares vᵀJ).</param>
public sealed record GradCheckOptions(
    double Eps = 1e-6,
    double AbsoluteTolerance = 1e-5,
    double RelativeTolerance = 1e-3,
    bool ElementWise = true,
    ulong Seed = 0)
{
    public static GradCheckOptions Default { get; } = new();
}
