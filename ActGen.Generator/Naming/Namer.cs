using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Model;

namespace ActGen.Generator.Naming;

/// <summary>
/// Spells every identifier inside one activation's generated code. The user's names (input, parameters) are kept
/// and escaped; every name ActGen introduces is made fresh against them by appending underscores, so a parameter
/// called <c>gy</c>, <c>input</c> or <c>alphaV</c> never meets a generated local of that name. Names ActGen adds to
/// the IR start with <see cref="Internal"/> (which no C# identifier can contain) and are spelled fresh here.
/// </summary>
internal sealed record Namer(ImmutableHashSet<string> UserNames)
{
    public const string Internal = "$";

    public static Namer For(ActivationModel model) =>
        new(new[] { model.Input }.Concat(model.Parameters.Select(p => p.Name)).ToImmutableHashSet());

    /// <summary>An IR name for something ActGen introduces (a CSE local, y, gy).</summary>
    public static string InternalName(string plain) => Internal + plain;

    public static bool IsInternal(string name) => name.StartsWith(Internal, System.StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="preferred"/>, or it with underscores appended until no user name equals it. Preferred names never
    /// end in '_', so distinct preferred names stay distinct.
    /// </summary>
    public string Fresh(string preferred)
    {
        var name = preferred;
        while (UserNames.Contains(name))
        {
            name += "_";
        }

        return Identifiers.Escape(name);
    }

    /// <summary>A user's name as C# source.</summary>
    public string User(string name) => Identifiers.Escape(name);

    /// <summary>Any IR name as C# source: internal names fresh, user names escaped.</summary>
    public string Ir(string name) => IsInternal(name) ? Fresh(name.Substring(Internal.Length)) : User(name);
}
