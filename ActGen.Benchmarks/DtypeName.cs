using System;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>The dtype as bench.csv writes it.</summary>
public static class DtypeName
{
    public static string Of(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "the bench runs float32 and float64"),
    };

    public static ScalarType? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "float32" or "float" or "f32" => ScalarType.Float32,
        "float64" or "double" or "f64" => ScalarType.Float64,
        _ => null,
    };
}
