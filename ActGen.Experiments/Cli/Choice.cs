using System;
using System.Collections.Generic;
using System.Linq;

namespace ActGen.Experiments.Cli;

/// <summary>Matching a typed name against a list of valid names, forgiving case, '-', '_' and spaces.</summary>
public static class Choice
{
    /// <summary>"leaky_relu", "Leaky-ReLU" and "leakyrelu" all become "leakyrelu".</summary>
    public static string Normalize(string name) =>
        new(name.Where(c => c is not ('-' or '_' or ' ')).Select(char.ToLowerInvariant).ToArray());

    /// <summary>The valid name <paramref name="typed"/> stands for, or null.</summary>
    public static string? Find(string typed, IEnumerable<string> valid) =>
        valid.FirstOrDefault(v => Normalize(v) == Normalize(typed));

    /// <summary>"--option: 'value' is not a valid choice. Valid choices: a, b, c."</summary>
    public static string Error(string option, string value, IEnumerable<string> valid) =>
        $"{option}: '{value}' is not a valid choice. Valid choices: {string.Join(", ", valid)}.";

    public static TEnum? ParseEnum<TEnum>(string typed) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(e => Normalize(e.ToString()!) == Normalize(typed));

    /// <summary>The enum's names in kebab case: SigmoidBce → sigmoid-bce.</summary>
    public static IReadOnlyList<string> Names<TEnum>() where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Select(Kebab).ToArray();

    public static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
