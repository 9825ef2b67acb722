using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ActGen.Native;

/// <summary>The host's C++ runtime (<c>libstdc++.so.6</c>) and the symbol versions it defines.</summary>
internal static class LibStdCxx
{
    private const string SoName = "libstdc++.so.6";

    private static readonly string[] StandardDirectories =
    [
        "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu",
        "/usr/lib64", "/lib64", "/usr/lib", "/lib",
    ];

    /// <summary>
    /// The libstdc++ this process uses: the one already mapped (per <c>/proc/self/maps</c>), else the first
    /// <c>libstdc++.so.6</c> in <c>LD_LIBRARY_PATH</c> or the standard library directories; null if none is found.
    /// </summary>
    public static string? Locate() => Mapped() ?? Candidates().FirstOrDefault(File.Exists);

    /// <summary>Whether the library at <paramref name="path"/> carries the version string <paramref name="version"/>, e.g. <c>GLIBCXX_3.4.32</c>.</summary>
    public static bool Defines(string path, string version) =>
        Defines(File.ReadAllBytes(path), version);

    /// <summary>Whether <paramref name="library"/> holds <paramref name="version"/> as a whole string of its string table.</summary>
    public static bool Defines(ReadOnlySpan<byte> library, string version) =>
        library.IndexOf(Encoding.ASCII.GetBytes("\0" + version + "\0")) >= 0;

    private static string? Mapped() =>
        File.Exists("/proc/self/maps")
            ? File.ReadLines("/proc/self/maps")
                .Select(line => line.IndexOf('/') is var slash and >= 0 ? line[slash..] : "")
                .FirstOrDefault(path => Path.GetFileName(path).StartsWith(SoName, StringComparison.Ordinal))
            : null;

    private static IEnumerable<string> Candidates() =>
        (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(StandardDirectories)
            .Select(directory => Path.Combine(directory, SoName));
}
