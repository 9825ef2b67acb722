using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Parsing;

/// <summary>A parsed value or the diagnostics that prevented it; errors from all parts are kept.</summary>
internal sealed record Parsed<T>(T? Value, EquatableArray<DiagnosticInfo> Errors)
    where T : class
{
    public bool Ok => Errors.Count == 0 && Value is not null;
}

internal static class Parsed
{
    public static Parsed<T> Success<T>(T value)
        where T : class => new(value, EquatableArray<DiagnosticInfo>.Empty);

    public static Parsed<T> Failure<T>(params DiagnosticInfo[] errors)
        where T : class => new(null, errors.ToEquatableArray());

    public static Parsed<T> Failure<T>(IEnumerable<DiagnosticInfo> errors)
        where T : class => new(null, errors.ToEquatableArray());

    /// <summary>Builds from all parts when every part succeeded, else collects every part's errors.</summary>
    public static Parsed<TOut> All<TIn, TOut>(IReadOnlyList<Parsed<TIn>> parts, Func<IReadOnlyList<TIn>, TOut> build)
        where TIn : class
        where TOut : class =>
        parts.All(p => p.Ok)
            ? Success(build(parts.Select(p => p.Value!).ToList()))
            : Failure<TOut>(parts.SelectMany(p => p.Errors));
}
