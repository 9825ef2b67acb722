using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;
using Microsoft.CodeAnalysis;

namespace ActGen.Generator.Parsing;

/// <summary>
/// A parsed value with the diagnostics found on the way, or no value and the errors that prevented it. Warnings ride
/// along with a value; the diagnostics of all parts are kept.
/// </summary>
internal sealed record Parsed<T>(T? Value, EquatableArray<DiagnosticInfo> Diagnostics)
    where T : class
{
    public bool Ok => Value is not null && Diagnostics.All(d => !d.IsError);
}

internal static class Parsed
{
    public static Parsed<T> Success<T>(T value, IEnumerable<DiagnosticInfo>? warnings = null)
        where T : class => new(value, (warnings ?? []).ToEquatableArray());

    public static Parsed<T> Failure<T>(params DiagnosticInfo[] errors)
        where T : class => new(null, errors.ToEquatableArray());

    public static Parsed<T> Failure<T>(IEnumerable<DiagnosticInfo> errors)
        where T : class => new(null, errors.ToEquatableArray());

    /// <summary>Builds from all parts when every part succeeded (keeping their warnings), else collects every part's diagnostics.</summary>
    public static Parsed<TOut> All<TIn, TOut>(IReadOnlyList<Parsed<TIn>> parts, Func<IReadOnlyList<TIn>, TOut> build)
        where TIn : class
        where TOut : class =>
        parts.All(p => p.Ok)
            ? Success(build(parts.Select(p => p.Value!).ToList()), parts.SelectMany(p => p.Diagnostics))
            : Failure<TOut>(parts.SelectMany(p => p.Diagnostics));
}
