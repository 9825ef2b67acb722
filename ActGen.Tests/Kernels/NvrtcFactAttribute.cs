using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Cuda;
using Xunit;

namespace ActGen.Tests.Kernels;

/// <summary>
/// A test that needs a real NVRTC (no GPU: NVRTC compiles on the CPU): those <c>$ACTGEN_TEST_NVRTC</c> names, separated by
/// <c>:</c> (.ci/run fetches Debian's 11.8 and 12.4 and names both), else whatever the runtime's own discovery finds.
/// Skipped, saying so, where there is none, unless <c>$ACTGEN_REQUIRE_NVRTC=1</c>, which makes a missing NVRTC a failure.
/// </summary>
public sealed class NvrtcFactAttribute : FactAttribute
{
    public const string Variable = "ACTGEN_TEST_NVRTC";

    private static readonly Lazy<IReadOnlyList<Probe<Nvrtc>>> Loaded = new(() =>
        (Environment.GetEnvironmentVariable(Variable) ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } named
            ? named.Select(path => Nvrtc.Load([path])).ToList()
            : [Nvrtc.Load(CudaLoadSettings.FromEnvironment().NvrtcCandidates)]);

    public NvrtcFactAttribute()
    {
        if (Loaded.Value.OfType<Probe<Nvrtc>.Missing>().FirstOrDefault() is { } missing
            && Environment.GetEnvironmentVariable("ACTGEN_REQUIRE_NVRTC") != "1")
        {
            Skip = $"no NVRTC (set ${Variable}): {missing.Why}";
        }
    }

    /// <summary>Every NVRTC named (or the one found); throws, failing the test, where one does not load.</summary>
    internal static IReadOnlyList<Nvrtc> All => Loaded.Value
        .Select(probe => probe switch
        {
            Probe<Nvrtc>.Found found => found.Value,
            Probe<Nvrtc>.Missing missing => throw new InvalidOperationException($"$ACTGEN_REQUIRE_NVRTC=1 but {missing.Why}"),
            _ => throw new InvalidOperationException("unknown probe"),
        })
        .ToList();

    /// <summary>The first of <see cref="All"/>: the one most tests compile with.</summary>
    internal static Nvrtc Nvrtc => All[0];
}
