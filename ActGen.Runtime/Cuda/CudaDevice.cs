namespace ActGen.Cuda;

/// <summary>One CUDA device as the kernels need it: its primary context, architecture (major·10 + minor) and SM count.</summary>
internal sealed record CudaDevice(int Ordinal, System.IntPtr Context, int Architecture, int Multiprocessors)
{
    /// <summary>The device at <paramref name="ordinal"/> (torch's device index: both honour CUDA_VISIBLE_DEVICES).</summary>
    public static CudaDevice Open(CudaDriver driver, int ordinal)
    {
        var device = driver.Device(ordinal);
        var major = driver.Attribute(device, CudaDriver.ComputeCapabilityMajor);
        var minor = driver.Attribute(device, CudaDriver.ComputeCapabilityMinor);
        var multiprocessors = driver.Attribute(device, CudaDriver.MultiprocessorCount);
        return new CudaDevice(ordinal, driver.RetainPrimaryContext(device), major * 10 + minor, multiprocessors);
    }
}
