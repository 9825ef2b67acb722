using System;
using System.Security.Cryptography;
using System.Text;

namespace ActGen.Cuda;

/// <summary>
/// The name of a compiled image in the caches: SHA-256 of the source, the target architecture, NVRTC's version and
/// the options (which say cubin or PTX), so a change to any of them compiles again.
/// </summary>
internal static class KernelCacheKey
{
    public static string Of(string source, CompileTarget target, NvrtcVersion version) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(
            "\0",
            source,
            $"arch {target.Architecture}",
            $"nvrtc {version}",
            string.Join(" ", target.Options)))));
}
