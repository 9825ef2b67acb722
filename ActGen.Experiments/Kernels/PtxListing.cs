using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ActGen.Experiments.Kernels;

/// <summary>
/// One kernel of a PTX listing as NVRTC wrote it: its name, its parameters' PTX types (<c>u64</c>, <c>f64</c>, …) in
/// order, and the opcodes of its body (<c>ld.global.nc.v4.f32</c>, <c>fma.rn.f32</c>, …; predicates and operands
/// dropped).
/// </summary>
internal sealed record PtxEntry(string Name, IReadOnlyList<string> Parameters, IReadOnlyList<string> Opcodes);

/// <summary>Reads the <c>.entry</c> kernels out of a PTX listing (the text NVRTC's <c>nvrtcGetPTX</c> returns).</summary>
internal static class PtxListing
{
    private static readonly Regex Entry = new(@"\.entry\s+(\w+)\s*\(([^)]*)\)", RegexOptions.CultureInvariant);

    private static readonly Regex Parameter = new(@"\.param\s+(?:\.align\s+\d+\s+)?\.(\w+)\s+\w+", RegexOptions.CultureInvariant);

    private static readonly Regex Instruction = new(@"^\s*(?:@!?%\w+\s+)?([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)", RegexOptions.CultureInvariant);

    public static IReadOnlyList<PtxEntry> Entries(string ptx) =>
        Entry.Matches(ptx)
            .Select(m => (m.Groups[1].Value, Parameters: Parameter.Matches(m.Groups[2].Value).Select(p => p.Groups[1].Value).ToList(), Body: Body(ptx, m.Index + m.Length)))
            .Select(e => new PtxEntry(e.Item1, e.Parameters, Opcodes(e.Body)))
            .ToList();

    /// <summary>The text between the brace that opens the body after <paramref name="from"/> and the one that closes it.</summary>
    private static string Body(string ptx, int from)
    {
        var open = ptx.IndexOf('{', from);
        if (open < 0)
        {
            return "";
        }

        var depth = 0;
        for (var i = open; i < ptx.Length; i++)
        {
            depth += ptx[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return ptx[(open + 1)..i];
            }
        }

        return ptx[(open + 1)..];
    }

    private static IReadOnlyList<string> Opcodes(string body) =>
        body.Split('\n')
            .Select(line => Instruction.Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();
}
