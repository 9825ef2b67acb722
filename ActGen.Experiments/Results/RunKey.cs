using System.Globalization;
using System.Linq;

namespace ActGen.Experiments.Results;

/// <summary>Everything that identifies one training run of a sweep; equal keys mean the same run.</summary>
public sealed record RunKey(
    string Activation, string Init, int Depth, int Width, int Seed, string Dataset,
    string Optimizer, double Lr, int Steps, int Batch)
{
    /// <summary>A file-name-safe id, unique per key: lower-case letters, digits, '.', '-' and '_' only.</summary>
    public string Id =>
        Safe(string.Join("_",
            Activation, Init, $"d{Depth}", $"w{Width}", $"s{Seed}", Dataset, Optimizer,
            "lr" + Lr.ToString("R", CultureInfo.InvariantCulture), $"st{Steps}", $"b{Batch}"));

    private static string Safe(string text) =>
        new(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '~').ToArray());
}
