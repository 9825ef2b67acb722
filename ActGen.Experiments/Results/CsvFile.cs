using System.IO;

namespace ActGen.Experiments.Results;

/// <summary>Whether a CSV file this program wrote is whole: the expected header, every row with its fields, a final line end.</summary>
public static class CsvFile
{
    /// <summary>
    /// False for a missing file, another header (an older schema), a last line without its '\n' or a row with a
    /// different number of fields — what a copy or a disk cut mid-row leaves. At least one row when <paramref name="needRows"/>.
    /// </summary>
    public static bool IsWhole(string path, string header, bool needRows = true)
    {
        if (!File.Exists(path)) return false;
        var text = File.ReadAllText(path);
        if (text.Length == 0 || text[^1] != '\n') return false;
        var lines = text[..^1].Split('\n');
        if (lines[0] != header || (needRows && lines.Length < 2)) return false;
        var fields = ResultsReader.Fields(header).Count;
        for (var i = 1; i < lines.Length; i++)
            if (ResultsReader.Fields(lines[i]).Count != fields) return false;
        return true;
    }
}
