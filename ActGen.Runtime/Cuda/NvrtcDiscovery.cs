using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ActGen.Cuda;

/// <summary>
/// The NVRTC libraries to try, in order: the explicit settings; beside the app (TorchSharp-cuda copies NVRTC there
/// under a hashed name, <c>libnvrtc-&lt;hash&gt;.so.12</c>); each toolkit's <c>lib64</c> (<c>CUDA_HOME</c>,
/// <c>CUDA_PATH</c>, <c>/usr/local/cuda</c>); a Python environment's NVIDIA wheels (<c>site-packages/nvidia/*/lib</c>,
/// as torch's); then the loader's own search by soname. <c>libnvrtc-builtins</c> is NVRTC's helper, never NVRTC itself.
/// </summary>
internal static class NvrtcDiscovery
{
    // 11.2 is the soname of every NVRTC 11.2–11.8, the one Debian and Ubuntu package (libnvrtc11.2).
    public static readonly IReadOnlyList<string> Sonames = ["libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2", "libnvrtc.so"];

    public static IReadOnlyList<string> Candidates(NvrtcSearch search) =>
        search.Explicit
            .Concat(Libraries(search.AppDirectory))
            .Concat(search.ToolkitRoots.SelectMany(root => Libraries(Path.Combine(root, "lib64"))))
            .Concat(search.PythonPrefixes.SelectMany(WheelFolders).SelectMany(Libraries))
            .Concat(Sonames)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The NVRTC files in <paramref name="directory"/>, longest (most specific version) name first.</summary>
    internal static IEnumerable<string> Libraries(string directory) =>
        Listed(directory, "libnvrtc*.so*")
            .Where(path => !Path.GetFileName(path).StartsWith("libnvrtc-builtins", StringComparison.Ordinal))
            .OrderByDescending(path => Path.GetFileName(path).Length)
            .ThenBy(path => path, StringComparer.Ordinal);

    /// <summary>NVRTC's helper libraries (<c>libnvrtc-builtins*.so*</c>) in <paramref name="directory"/>.</summary>
    internal static IEnumerable<string> Builtins(string directory) =>
        Listed(directory, "libnvrtc-builtins*.so*").OrderBy(path => path, StringComparer.Ordinal);

    /// <summary><c>{prefix}/lib/python3*/site-packages/nvidia/*/lib</c>.</summary>
    private static IEnumerable<string> WheelFolders(string prefix) =>
        Listed(Path.Combine(prefix, "lib"), "python3*", directories: true)
            .SelectMany(python => Listed(Path.Combine(python, "site-packages", "nvidia"), "*", directories: true))
            .Select(package => Path.Combine(package, "lib"))
            .OrderBy(path => path, StringComparer.Ordinal);

    private static IEnumerable<string> Listed(string directory, string pattern, bool directories = false)
    {
        try
        {
            return !Directory.Exists(directory) ? []
                : directories ? Directory.GetDirectories(directory, pattern)
                : Directory.GetFiles(directory, pattern);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
