using System;
using System.IO;
using System.Runtime.Versioning;

namespace ActGen.Native;

/// <summary>
/// The fix for TorchSharp's native bridge on hosts whose libstdc++ predates GCC 13 (Debian 12 and the like):
/// <c>libLibTorchSharp.so</c> requires <c>GLIBCXX_3.4.32</c> only for a marker symbol that no relocation uses,
/// so a copy with that requirement marked weak loads and runs. Shared by the run-time loader and the build-time tool.
/// </summary>
internal static class LibTorchSharpFix
{
    public const string FileName = "libLibTorchSharp.so";
    public const string MissingVersion = "GLIBCXX_3.4.32";

    /// <summary>Whether this host needs the fix: Linux, and the libstdc++ in use lacks <see cref="MissingVersion"/> (or none is found).</summary>
    public static bool HostNeedsFix() =>
        OperatingSystem.IsLinux() && !(LibStdCxx.Locate() is { } libStdCxx && LibStdCxx.Defines(libStdCxx, MissingVersion));

    /// <summary>What marking <see cref="MissingVersion"/> weak does to the library at <paramref name="path"/>; writes nothing.</summary>
    public static ElfPatch Patch(string path) => ElfVersionNeedPatcher.MarkWeak(File.ReadAllBytes(path), MissingVersion);

    /// <summary>
    /// Puts <paramref name="bytes"/> at <paramref name="path"/> unless it already holds them: written next to it,
    /// then renamed over it, so a process that has the old file mapped, or reads it meanwhile, never sees half a file.
    /// </summary>
    [SupportedOSPlatform("linux")]
    public static void WriteAtomically(string path, byte[] bytes, UnixFileMode mode)
    {
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return;
        }

        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.SetUnixFileMode(temporary, mode);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
