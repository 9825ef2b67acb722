using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ActGen.Tests.Native;

/// <summary>
/// <c>ACTGEN_OMP_SPINCOUNT</c> end to end: a fresh process (the bench, which prints what libtorch's OpenMP runtime sees
/// in the native environment once libtorch is loaded) gets <c>GOMP_SPINCOUNT</c> from it, and a user's own wins.
/// </summary>
public sealed class OpenMpSpinningProcessTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "actgen-omp-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    [Theory]
    [InlineData("1000", null, "GOMP_SPINCOUNT 1000")]
    [InlineData("1000", "7", "GOMP_SPINCOUNT 7")]
    [InlineData(null, null, "GOMP_SPINCOUNT unset")]
    public async Task TheVariableReachesTheNativeEnvironmentBeforeLibtorchLoads(string? actgen, string? gomp, string expected)
    {
        if (!OperatingSystem.IsLinux()) return;   // libgomp and the native setenv are Linux's
        var run = await ChildProcess.Dotnet(
            "actgen-bench.dll",
            ["--activations", "relu", "--sizes", "4", "--dtypes", "float32", "--reps", "1", "--max-retries", "0", "--no-memory",
             "--no-generator", "--no-step", "--out", dir],
            new System.Collections.Generic.Dictionary<string, string?> { ["ACTGEN_OMP_SPINCOUNT"] = actgen, ["GOMP_SPINCOUNT"] = gomp });
        Assert.True(run.Code == 0, run.ToString());
        Assert.Contains(expected + "\n", run.Output.Replace("\r", ""));
    }
}
