using System;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ActGen.Benchmarks;

/// <summary>
/// What the run's processor offers the kernels: its model and the vector widths .NET uses. Hosts of the same kind
/// differ (some have AVX-512, some not), so every report says which one it was measured on.
/// </summary>
public static class CpuDescription
{
    public static string Current() =>
        Describe(ModelName(ReadCpuInfo()), Vector<float>.Count * 32, Avx2.IsSupported, Avx512F.IsSupported, Vector512.IsHardwareAccelerated);

    public static string Describe(string? model, int vectorBits, bool avx2, bool avx512F, bool vector512) =>
        $"{model ?? "unknown processor"}; Vector<T> {vectorBits} bits; AVX2 {YesNo(avx2)}, AVX-512F {YesNo(avx512F)}, Vector512 accelerated {YesNo(vector512)}";

    /// <summary>The first <c>model name</c> of a /proc/cpuinfo text, or null.</summary>
    public static string? ModelName(string? cpuinfo) =>
        cpuinfo?.Split('\n')
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() == "model name")
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();

    private static string? ReadCpuInfo()
    {
        try
        {
            return File.Exists("/proc/cpuinfo") ? File.ReadAllText("/proc/cpuinfo") : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
