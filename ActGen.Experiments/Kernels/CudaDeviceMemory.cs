using System;
using System.Runtime.InteropServices;
using ActGen.Cuda;

namespace ActGen.Experiments.Kernels;

/// <summary>
/// Device buffers for the device check, from the driver library the runtime opened (the runtime itself never allocates:
/// torch's caching allocator does), in the device's primary context.
/// </summary>
internal sealed unsafe class CudaDeviceMemory
{
    private static readonly string[] Exports = ["cuMemAlloc_v2", "cuMemFree_v2", "cuMemcpyHtoD_v2", "cuMemcpyDtoH_v2", "cuDeviceGetName"];

    private readonly NativeExports exports;
    private readonly CudaDriver driver;
    private readonly CudaDevice device;

    private CudaDeviceMemory(NativeExports exports, CudaDriver driver, CudaDevice device) =>
        (this.exports, this.driver, this.device) = (exports, driver, device);

    public static Probe<CudaDeviceMemory> Open(CudaDriver driver, CudaDevice device) =>
        NativeExports.Open(driver.Library, Exports).Then(e => (Probe<CudaDeviceMemory>)new Probe<CudaDeviceMemory>.Found(new CudaDeviceMemory(e, driver, device)));

    /// <summary>The device's name as the driver gives it (e.g. <c>NVIDIA H200</c>).</summary>
    public string DeviceName()
    {
        var name = stackalloc byte[256];
        Check(((delegate* unmanaged<byte*, int, int, int>)exports["cuDeviceGetName"])(name, 256, driver.Device(device.Ordinal)), "cuDeviceGetName");
        return Marshal.PtrToStringUTF8((IntPtr)name) ?? "?";
    }

    /// <summary>A device buffer holding <paramref name="bytes"/> from host memory (at least 256-byte aligned, as cuMemAlloc's are).</summary>
    public ulong Upload(ReadOnlySpan<byte> bytes)
    {
        driver.SetCurrent(device.Context);
        ulong address;
        Check(((delegate* unmanaged<ulong*, nuint, int>)exports["cuMemAlloc_v2"])(&address, (nuint)Math.Max(1, bytes.Length)), "cuMemAlloc_v2");
        fixed (byte* p = bytes)
        {
            Check(((delegate* unmanaged<ulong, byte*, nuint, int>)exports["cuMemcpyHtoD_v2"])(address, p, (nuint)bytes.Length), "cuMemcpyHtoD_v2");
        }

        return address;
    }

    /// <summary>Copies <paramref name="bytes"/> back from <paramref name="address"/> (on the null stream: after every kernel launched before).</summary>
    public void Download(ulong address, Span<byte> bytes)
    {
        driver.SetCurrent(device.Context);
        fixed (byte* p = bytes)
        {
            Check(((delegate* unmanaged<byte*, ulong, nuint, int>)exports["cuMemcpyDtoH_v2"])(p, address, (nuint)bytes.Length), "cuMemcpyDtoH_v2");
        }
    }

    public void Free(ulong address) => Check(((delegate* unmanaged<ulong, int>)exports["cuMemFree_v2"])(address), "cuMemFree_v2");

    private void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new CudaDriverException(call, result, driver.Error(result));
        }
    }
}
