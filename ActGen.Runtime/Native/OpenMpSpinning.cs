using System;
using System.Globalization;
using System.IO;

namespace ActGen.Native;

/// <summary>
/// The opt-in that shortens how long libtorch's OpenMP workers (GNU libgomp) spin after each parallel region. On a
/// machine with few cores a spinning worker holds the core that ActGen's next parallel kernel needs. libgomp reads
/// <c>GOMP_SPINCOUNT</c> once, when it loads, and from the native environment: .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach it, libc's <c>setenv</c> does.
/// </summary>
internal static class OpenMpSpinning
{
    /// <summary>ActGen's own variable: a spin count (e.g. 1000) to apply before libtorch loads.</summary>
    public const string Variable = "ACTGEN_OMP_SPINCOUNT";

    private const string GompVariable = "GOMP_SPINCOUNT";

    /// <summary>
    /// Sets <c>GOMP_SPINCOUNT</c> in the native environment unless it is set already (the user's value wins).
    /// False where it is too late (libgomp is loaded) or not Linux.
    /// </summary>
    public static bool Limit(long spinCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(spinCount);
        if (!OperatingSystem.IsLinux() || LibGompLoaded(File.ReadAllText("/proc/self/maps")))
        {
            return false;
        }

        return NativeEnvironment.SetIfUnset(GompVariable, spinCount.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The spin count <see cref="Variable"/> asks for, or null when it is unset or not a non-negative integer.</summary>
    public static long? Requested(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    /// <summary>Whether a <c>/proc/self/maps</c> text shows libgomp (libtorch ships it as <c>libgomp-&lt;hash&gt;.so.1</c>).</summary>
    public static bool LibGompLoaded(string maps) => maps.Contains("/libgomp", StringComparison.Ordinal);
}
