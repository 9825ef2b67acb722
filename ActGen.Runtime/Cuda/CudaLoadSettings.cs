using System;
using System.Collections.Generic;

namespace ActGen.Cuda;

/// <summary>
/// Where the GPU path's native pieces come from (tests point these at missing or fake files), and whether every launch
/// waits for its kernel (<see cref="CudaDriver.SynchronizesLaunches"/>: <c>ACTGEN_CUDA_SYNC=1</c>).
/// </summary>
internal sealed record CudaLoadSettings(
    string Driver, IReadOnlyList<string> NvrtcCandidates, KernelDiskCache Cache, bool SynchronizeLaunches = false)
{
    public const string SynchronizeVariable = "ACTGEN_CUDA_SYNC";

    public static CudaLoadSettings FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    public static CudaLoadSettings FromEnvironment(Func<string, string?> variable) =>
        new(
            CudaDriver.DefaultLibrary,
            NvrtcDiscovery.Candidates(NvrtcSearch.FromEnvironment(variable, TorchSetup.NvrtcPath, AppContext.BaseDirectory)),
            KernelDiskCache.FromEnvironment(variable),
            variable(SynchronizeVariable) == "1");
}
