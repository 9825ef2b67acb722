using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ActGen.Generator.Naming;

/// <summary>How a name the user wrote is spelled back in C#, and how any name becomes a file-name-safe hint.</summary>
internal static class Identifiers
{
    /// <summary><c>in</c> → <c>@in</c>: a reserved keyword needs its verbatim prefix; contextual keywords and Unicode do not.</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A dotted name (a namespace) with each part escaped.</summary>
    public static string EscapeDotted(string dotted) => string.Join(".", dotted.Split('.').Select(Escape));

    /// <summary>
    /// An injective ASCII spelling for hint names: letters, digits and dots stay, every other character
    /// (the underscore too) becomes <c>_xXXXX</c>, so two different keys never share a hint name.
    /// </summary>
    public static string Hint(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.')
            {
                b.Append(c);
            }
            else
            {
                b.Append("_x").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return b.ToString();
    }

    public static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
}
