using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ActGen.Benchmarks;

/// <summary>
/// glibc heap settings and the process's resident memory. By default glibc serves every block over 32 MiB with a
/// fresh mmap, so each new big tensor pays a page fault per 4 KiB (≈ 120–160 ms for 64 MiB here) — far more than
/// its memory traffic. <see cref="KeepFreedMemory"/> is the in-process equivalent of
/// <c>GLIBC_TUNABLES=glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=…</c>: freed blocks stay in the heap, warm.
/// </summary>
public static class Heap
{
    private const int MTrimThreshold = -1, MMmapMax = -4;

    public static bool IsGlibc => OperatingSystem.IsLinux() && File.Exists("/proc/self/statm");

    /// <summary>No mmap for big blocks and no trimming: a warm heap. Returns false where glibc's mallopt is missing.</summary>
    public static bool KeepFreedMemory()
    {
        if (!IsGlibc) return false;
        try
        {
            return mallopt(MMmapMax, 0) == 1 && mallopt(MTrimThreshold, int.MaxValue) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Gives freed heap memory back to the system (so that resident memory counts live blocks).</summary>
    public static void Trim()
    {
        if (!IsGlibc) return;
        try
        {
            malloc_trim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    /// <summary>Resident set size in bytes (from /proc/self/statm), or −1 where unknown.</summary>
    public static long ResidentBytes()
    {
        if (!IsGlibc) return -1;
        var fields = File.ReadAllText("/proc/self/statm").Split(' ');
        return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int param, int value);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);
}
