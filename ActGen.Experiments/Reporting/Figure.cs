namespace ActGen.Experiments.Reporting;

/// <summary>
/// A PNG written into <c>plots/</c>, with the caption the report puts under it; a figure that could not be drawn
/// (no finite value to show) has no <see cref="File"/>, and its caption says why.
/// </summary>
public sealed record Figure(string? File, string Caption)
{
    public static Figure NotDrawn(string what, string why) => new(null, $"No {what}: {why}.");
}
