using System;
using System.Runtime.InteropServices;

namespace ActGen.Cuda;

/// <summary>
/// The CUDA driver functions ActGen uses (from <c>libcuda.so.1</c>, the driver's own library), through unmanaged function
/// pointers. Every call returns a <c>CUresult</c>; <see cref="Check"/> turns a failure into a <see cref="CudaDriverException"/>
/// naming the call.
/// </summary>
internal sealed unsafe class CudaDriver
{
    public const string DefaultLibrary = "libcuda.so.1";

    // CUdevice_attribute values from cuda.h.
    public const int MultiprocessorCount = 16;
    public const int ComputeCapabilityMajor = 75;
    public const int ComputeCapabilityMinor = 76;

    private static readonly string[] Required =
    [
        "cuInit", "cuDeviceGet", "cuDeviceGetAttribute", "cuDevicePrimaryCtxRetain", "cuCtxSetCurrent",
        "cuModuleLoadData", "cuModuleGetFunction", "cuLaunchKernel", "cuGetErrorString", "cuCtxSynchronize",
    ];

    private readonly NativeExports exports;

    private CudaDriver(NativeExports exports, bool synchronize) => (this.exports, SynchronizesLaunches) = (exports, synchronize);

    public string Library => exports.Library;

    /// <summary>
    /// Every launch waits for its kernel (<c>ACTGEN_CUDA_SYNC=1</c>), so that a fault inside it is this launch's error,
    /// naming the activation and kernel, instead of surfacing in some later CUDA call. For finding faults, not for speed.
    /// </summary>
    public bool SynchronizesLaunches { get; }

    /// <summary>
    /// Opens the driver and runs <c>cuInit(0)</c>; a missing or refused library or a failing init is a reason, not an exception.
    /// </summary>
    public static Probe<CudaDriver> Load(string library, bool synchronize = false) =>
        NativeExports.Open(library, Required).Then(exports =>
        {
            var driver = new CudaDriver(exports, synchronize);
            var init = ((delegate* unmanaged<uint, int>)exports["cuInit"])(0);
            return init == 0
                ? new Probe<CudaDriver>.Found(driver)
                : Probe<CudaDriver>.No($"cuInit failed in {library}: {driver.Error(init)}");
        });

    public int Device(int ordinal)
    {
        int device;
        Check(((delegate* unmanaged<int*, int, int>)exports["cuDeviceGet"])(&device, ordinal), "cuDeviceGet");
        return device;
    }

    public int Attribute(int device, int attribute)
    {
        int value;
        var get = (delegate* unmanaged<int*, int, int, int>)exports["cuDeviceGetAttribute"];
        Check(get(&value, attribute, device), "cuDeviceGetAttribute");
        return value;
    }

    /// <summary>The device's primary context, the one libtorch's runtime API uses; retained for the life of the process.</summary>
    public IntPtr RetainPrimaryContext(int device)
    {
        IntPtr context;
        Check(((delegate* unmanaged<IntPtr*, int, int>)exports["cuDevicePrimaryCtxRetain"])(&context, device), "cuDevicePrimaryCtxRetain");
        return context;
    }

    public void SetCurrent(IntPtr context) =>
        Check(((delegate* unmanaged<IntPtr, int>)exports["cuCtxSetCurrent"])(context), "cuCtxSetCurrent");

    /// <summary>Loads a cubin or NUL-terminated PTX into the current context; a refusal is returned, not thrown.</summary>
    public (IntPtr Module, string? Error) LoadModule(byte[] image)
    {
        IntPtr module;
        int result;
        fixed (byte* p = image)
        {
            result = ((delegate* unmanaged<IntPtr*, byte*, int>)exports["cuModuleLoadData"])(&module, p);
        }

        return result == 0 ? (module, null) : (IntPtr.Zero, $"cuModuleLoadData: {Error(result)}");
    }

    public IntPtr Function(IntPtr module, string name)
    {
        IntPtr function;
        var utf8 = Marshal.StringToCoTaskMemUTF8(name);
        try
        {
            var get = (delegate* unmanaged<IntPtr*, IntPtr, IntPtr, int>)exports["cuModuleGetFunction"];
            Check(get(&function, module, utf8), $"cuModuleGetFunction({name})");
        }
        finally
        {
            Marshal.FreeCoTaskMem(utf8);
        }

        return function;
    }

    /// <summary>
    /// A launch on stream 0 (the null stream, libtorch's default), no shared memory, a 1-D grid; where
    /// <see cref="SynchronizesLaunches"/>, followed by <c>cuCtxSynchronize</c>, whose error is the launch's.
    /// </summary>
    public void Launch(IntPtr function, LaunchGeometry geometry, void** arguments)
    {
        Check(
            ((delegate* unmanaged<IntPtr, uint, uint, uint, uint, uint, uint, uint, IntPtr, void**, void**, int>)exports["cuLaunchKernel"])(
                function, geometry.Grid, 1, 1, geometry.Block, 1, 1, 0, IntPtr.Zero, arguments, null),
            "cuLaunchKernel");
        if (SynchronizesLaunches)
        {
            Check(((delegate* unmanaged<int>)exports["cuCtxSynchronize"])(), "cuCtxSynchronize after cuLaunchKernel");
        }
    }

    public string Error(int result)
    {
        IntPtr text;
        return ((delegate* unmanaged<int, IntPtr*, int>)exports["cuGetErrorString"])(result, &text) == 0 && text != IntPtr.Zero
            ? Marshal.PtrToStringUTF8(text) ?? $"CUDA error {result}"
            : $"CUDA error {result}";
    }

    private void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new CudaDriverException(call, result, Error(result));
        }
    }
}
