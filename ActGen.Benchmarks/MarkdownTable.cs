using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ActGen.Benchmarks;

/// <summary>A GitHub markdown table, and number formats for it.</summary>
public static class MarkdownTable
{
    public static string Of(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        string.Concat(
            new[] { header, header.Select(_ => "---").ToArray() }.Concat(rows)
                .Select(r => "| " + string.Join(" | ", r) + " |\n"));

    public static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms.ToString(ms >= 100 ? "F0" : ms >= 1 ? "F2" : "G3", CultureInfo.InvariantCulture);

    public static string Ratio(double r) => double.IsNaN(r) ? "–" : r.ToString("F2", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => double.IsNaN(fraction) ? "–" : (fraction * 100).ToString("F0", CultureInfo.InvariantCulture) + " %";

    public static string Pow2(long n) => n > 0 && (n & (n - 1)) == 0 ? $"2^{System.Numerics.BitOperations.Log2((ulong)n)}" : n.ToString(CultureInfo.InvariantCulture);
}
