using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ActGen.Experiments.Kernels;

/// <summary>What ptxas reports for one kernel (NVRTC's log with <c>--ptxas-options=-v</c>).</summary>
internal sealed record PtxasResources(int Registers, int StackBytes, int SpillStoreBytes, int SpillLoadBytes)
{
    public bool Spills => SpillStoreBytes > 0 || SpillLoadBytes > 0;
}

/// <summary>Reads ptxas's resource report, kernel by kernel, out of NVRTC's program log.</summary>
internal static class PtxasReport
{
    private static readonly Regex Compiling = new(@"Compiling entry function '(\w+)'", RegexOptions.CultureInvariant);

    private static readonly Regex Properties = new(@"Function properties for (\w+)", RegexOptions.CultureInvariant);

    private static readonly Regex Frame = new(
        @"(\d+) bytes stack frame, (\d+) bytes spill stores, (\d+) bytes spill loads", RegexOptions.CultureInvariant);

    private static readonly Regex Used = new(@"Used (\d+) registers", RegexOptions.CultureInvariant);

    public static IReadOnlyDictionary<string, PtxasResources> Read(string log)
    {
        var kernels = new Dictionary<string, PtxasResources>(System.StringComparer.Ordinal);
        string? current = null;
        string? described = null;
        foreach (var line in log.Split('\n'))
        {
            if (Compiling.Match(line) is { Success: true } compiling)
            {
                current = described = compiling.Groups[1].Value;
                kernels[current] = new PtxasResources(0, 0, 0, 0);
            }
            else if (Properties.Match(line) is { Success: true } properties)
            {
                // A device function ptxas did not inline has its own frame line; only the kernel's own is the kernel's.
                described = properties.Groups[1].Value;
            }
            else if (current is null)
            {
                continue;
            }
            else if (described == current && Frame.Match(line) is { Success: true } frame)
            {
                kernels[current] = kernels[current] with
                {
                    StackBytes = int.Parse(frame.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                    SpillStoreBytes = int.Parse(frame.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                    SpillLoadBytes = int.Parse(frame.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture),
                };
            }
            else if (Used.Match(line) is { Success: true } used)
            {
                kernels[current] = kernels[current] with
                {
                    Registers = int.Parse(used.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                };
            }
        }

        return kernels;
    }
}
