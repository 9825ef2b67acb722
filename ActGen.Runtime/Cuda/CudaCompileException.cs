using System;

namespace ActGen.Cuda;

/// <summary>NVRTC refused an activation's generated CUDA source; the message names the activation and carries NVRTC's log.</summary>
public sealed class CudaCompileException : Exception
{
    public CudaCompileException(string activation, string target, string log)
        : base($"NVRTC could not compile the CUDA kernels of {activation} for {target}:\n{log}")
    {
        Activation = activation;
        Log = log;
    }

    public string Activation { get; }

    public string Log { get; }
}
