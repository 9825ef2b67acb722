using System;
using System.Linq;
using ActGen.Cuda;
using Xunit;

namespace ActGen.Tests.Kernels;

/// <summary>
/// A test that needs a real NVRTC (no GPU: NVRTC compiles on the CPU): <c>$ACTGEN_TEST_NVRTC</c> (.ci/run fetches Debian's
/// and sets it) or whatever the runtime's own discovery finds. Skipped, saying so, where there is none, unless
/// <c>$ACTGEN_REQUIRE_NVRTC=1</c>, which makes a missing NVRTC a failure.
/// </summary>
public sealed class NvrtcFactAttribute : FactAttribute
{
    public const string Variable = "ACTGEN_TEST_NVRTC";

    private static readonly Lazy<Probe<Nvrtc>> Loaded = new(() => Nvrtc.Load(
        new[] { Environment.GetEnvironmentVariable(Variable) }.OfType<string>().Where(p => p.Length > 0)
            .Concat(CudaLoadSettings.FromEnvironment().NvrtcCandidates)
            .ToList()));

    public NvrtcFactAttribute()
    {
        if (Loaded.Value is Probe<Nvrtc>.Missing missing && Environment.GetEnvironmentVariable("ACTGEN_REQUIRE_NVRTC") != "1")
        {
            Skip = $"no NVRTC (set ${Variable}): {missing.Why}";
        }
    }

    /// <summary>The NVRTC the tests compile with; throws (failing the test) where none loads.</summary>
    internal static Nvrtc Nvrtc => Loaded.Value switch
    {
        Probe<Nvrtc>.Found found => found.Value,
        Probe<Nvrtc>.Missing missing => throw new InvalidOperationException($"$ACTGEN_REQUIRE_NVRTC=1 but {missing.Why}"),
        _ => throw new InvalidOperationException("unknown probe"),
    };
}
