using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ActGen.Experiments.Results;

/// <summary>Writes a whole file or nothing: a temporary sibling first, then a rename over the target.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        var temp = TempName(path);
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Concatenates <paramref name="parts"/> after <paramref name="header"/>, dropping each part's first line.</summary>
    public static void Concatenate(string path, string header, IEnumerable<string> parts)
    {
        var temp = TempName(path);
        try
        {
            using (var writer = new StreamWriter(temp))
            {
                writer.NewLine = "\n";
                writer.WriteLine(header);
                foreach (var part in parts)
                    foreach (var line in File.ReadLines(part).Skip(1))
                        writer.WriteLine(line);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>True for the temporary files this class makes (left behind only by a killed process).</summary>
    public static bool IsTemp(string path) => Path.GetFileName(path).Contains(".tmp-", StringComparison.Ordinal);

    private static string TempName(string path) => $"{path}.tmp-{Guid.NewGuid():N}";
}
