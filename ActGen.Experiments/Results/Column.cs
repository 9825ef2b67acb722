using System;

namespace ActGen.Experiments.Results;

/// <summary>A named CSV column and how to format it from a row.</summary>
public sealed record Column<T>(string Name, Func<T, string> Value);
