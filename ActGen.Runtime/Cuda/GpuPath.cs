namespace ActGen;

/// <summary>Which implementation CUDA tensors run, as <see cref="TorchSetup.GpuPath"/> reports it, and why.</summary>
/// <param name="CudaKernels">True when the generated CUDA kernels run (NVRTC and the driver were found); false for TorchScript.</param>
/// <param name="Description">One line: the path, and what was found or what is missing.</param>
public sealed record GpuPath(bool CudaKernels, string Description)
{
    public override string ToString() => Description;
}
