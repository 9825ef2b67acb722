using System;
using System.Collections.Generic;
using System.Linq;

namespace ActGen.Cuda;

/// <summary>
/// Where <see cref="NvrtcDiscovery"/> looks, read from the environment once: the explicit settings, the app's folder,
/// the CUDA toolkits' roots and the Python environments whose <c>nvidia/*/lib</c> wheels may hold NVRTC.
/// </summary>
internal sealed record NvrtcSearch(
    IReadOnlyList<string> Explicit,
    string AppDirectory,
    IReadOnlyList<string> ToolkitRoots,
    IReadOnlyList<string> PythonPrefixes)
{
    public const string Variable = "ACTGEN_NVRTC";

    /// <param name="setting"><see cref="TorchSetup.NvrtcPath"/>, which comes before <c>$ACTGEN_NVRTC</c>.</param>
    public static NvrtcSearch FromEnvironment(Func<string, string?> environment, string? setting, string appDirectory) =>
        new(
            NonEmpty(setting, environment(Variable)),
            appDirectory,
            [.. NonEmpty(environment("CUDA_HOME"), environment("CUDA_PATH")), "/usr/local/cuda"],
            NonEmpty(environment("VIRTUAL_ENV"), environment("CONDA_PREFIX")));

    private static IReadOnlyList<string> NonEmpty(params string?[] values) =>
        values.OfType<string>().Where(v => v.Length > 0).ToList();
}
