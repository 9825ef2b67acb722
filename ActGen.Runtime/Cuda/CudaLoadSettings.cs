using System;
using System.Collections.Generic;

namespace ActGen.Cuda;

/// <summary>Where the GPU path's native pieces come from; tests point these at missing or fake files.</summary>
internal sealed record CudaLoadSettings(string Driver, IReadOnlyList<string> NvrtcCandidates, KernelDiskCache Cache)
{
    public static CudaLoadSettings FromEnvironment() =>
        new(
            CudaDriver.DefaultLibrary,
            NvrtcDiscovery.Candidates(
                NvrtcSearch.FromEnvironment(Environment.GetEnvironmentVariable, TorchSetup.NvrtcPath, AppContext.BaseDirectory)),
            KernelDiskCache.FromEnvironment(Environment.GetEnvironmentVariable));
}
