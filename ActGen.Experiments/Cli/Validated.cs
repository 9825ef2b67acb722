using System.Collections.Generic;

namespace ActGen.Experiments.Cli;

/// <summary>A value, or the user-facing errors that prevented it.</summary>
public sealed record Validated<T>(T? Value, IReadOnlyList<string> Errors) where T : class
{
    public bool IsValid => Errors.Count == 0 && Value is not null;

    public static Validated<T> Ok(T value) => new(value, []);

    public static Validated<T> Fail(IReadOnlyList<string> errors) => new(null, errors);
}
