using System;
using System.IO;

namespace ActGen.Experiments.Results;

/// <summary>Checks, before any work, that <c>--out</c> is a folder this process can create and write into.</summary>
public static class OutFolder
{
    /// <summary>Null when <paramref name="path"/> is (or can become) a writable folder; else one line saying why not.</summary>
    public static string? Problem(string path)
    {
        if (File.Exists(path)) return $"--out {path}: this is a file, not a folder; give a folder path.";
        if (FileAncestor(path) is { } file) return $"--out {path}: '{file}' is a file, so no folder can be made under it; give another path.";
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"--out {path}: cannot write into this folder ({e.Message.TrimEnd('.')}); give a writable folder.";
        }
    }

    private static string? FileAncestor(string path)
    {
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            if (File.Exists(dir)) return dir;
        return null;
    }
}
