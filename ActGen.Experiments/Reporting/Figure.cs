namespace ActGen.Experiments.Reporting;

/// <summary>A PNG written into <c>plots/</c>, with the caption the report puts under it.</summary>
public sealed record Figure(string File, string Caption);
