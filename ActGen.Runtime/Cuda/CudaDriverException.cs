using System;

namespace ActGen.Cuda;

/// <summary>A CUDA driver call returned an error: the message names the call, the driver's text and the <c>CUresult</c>.</summary>
internal sealed class CudaDriverException : InvalidOperationException
{
    public CudaDriverException(string call, int result, string error)
        : base($"ActGen's CUDA path: {call} failed: {error} ({result})")
    {
        Call = call;
        Result = result;
    }

    public string Call { get; }

    public int Result { get; }
}
