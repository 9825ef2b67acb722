using System.Collections.Generic;
using System.Globalization;

namespace ActGen.Experiments.Theory;

/// <summary>Parses initialisation names as the command line spells them.</summary>
public static class InitParser
{
    /// <summary>The accepted spellings, for help and error messages.</summary>
    public static IReadOnlyList<string> Choices { get; } =
    [
        "pytorch-default", "uniform(a)", "normal(sigma)", "glorot-uniform", "glorot-normal",
        "he-uniform", "he-normal", "lecun-normal", "orthogonal",
    ];

    /// <summary>The initialisation named <paramref name="text"/> (case-insensitive; xavier = glorot, kaiming = he), or null.</summary>
    public static Init? TryParse(string text)
    {
        var t = text.Trim().ToLowerInvariant().Replace('_', '-').Replace("xavier", "glorot").Replace("kaiming", "he");
        return t switch
        {
            "pytorch-default" or "default" => new PytorchDefaultInit(),
            "glorot-uniform" => new GlorotInit(WeightDistribution.Uniform),
            "glorot-normal" => new GlorotInit(WeightDistribution.Normal),
            "he-uniform" => new HeInit(WeightDistribution.Uniform),
            "he-normal" => new HeInit(WeightDistribution.Normal),
            "lecun-normal" => new LecunNormalInit(),
            "orthogonal" => new OrthogonalInit(),
            _ when Argument(t, "uniform(") is { } a => new UniformInit(a),
            _ when Argument(t, "normal(") is { } s => new NormalInit(s),
            _ => null,
        };
    }

    private static double? Argument(string t, string prefix) =>
        t.StartsWith(prefix) && t.EndsWith(')')
        && double.TryParse(t[prefix.Length..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
        && double.IsFinite(v) && v > 0
            ? v
            : null;
}
