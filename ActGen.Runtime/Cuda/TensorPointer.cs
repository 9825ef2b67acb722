using System;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace ActGen.Cuda;

/// <summary>
/// A tensor's device address: LibTorchSharp's <c>THSTensor_data</c>, which returns libtorch's <c>data_ptr()</c> with the
/// storage offset applied (TorchSharp 0.107 has no public accessor; <c>tensor.bytes</c> refuses non-CPU tensors).
/// Resolved from the LibTorchSharp that TorchSharp itself loaded, on the first GPU launch only.
/// </summary>
internal static unsafe class TensorPointer
{
    private static readonly Lazy<IntPtr> Export = new(() =>
        NativeLibrary.GetExport(NativeLibrary.Load("LibTorchSharp", typeof(torch).Assembly, null), "THSTensor_data"));

    public static ulong Of(Tensor t)
    {
        var address = ((delegate* unmanaged<IntPtr, IntPtr>)Export.Value)(t.Handle);
        return address != IntPtr.Zero
            ? (ulong)address
            : throw new InvalidOperationException("ActGen's CUDA path: THSTensor_data returned no address for a tensor with elements");
    }
}
