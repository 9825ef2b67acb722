using System;
using System.Collections.Generic;
using System.Linq;

namespace ActGen.Cuda;

/// <summary>One activation's kernels loaded on one device: every kernel the runtime may launch, by role and element type.</summary>
internal sealed record CudaModule(CudaDevice Device, IReadOnlyDictionary<(KernelRole Role, bool IsDouble), IntPtr> Functions)
{
    public IntPtr Function(KernelRole role, bool isDouble) => Functions[(role, isDouble)];

    /// <summary>Loads <paramref name="image"/> into the device's primary context and resolves the activation's kernels.</summary>
    public static Probe<CudaModule> Load(
        CudaDriver driver, CudaDevice device, byte[] image, ActivationDefinition definition, CudaKernelNames names)
    {
        driver.SetCurrent(device.Context);
        var (module, error) = driver.LoadModule(image);
        if (error is not null)
        {
            return Probe<CudaModule>.No(error);
        }

        var functions = CudaKernelNames.Roles(definition)
            .SelectMany(role => new[] { false, true }.Select(isDouble => (role, isDouble)))
            .ToDictionary(k => k, k => driver.Function(module, names.Name(k.role, k.isDouble)));
        return new Probe<CudaModule>.Found(new CudaModule(device, functions));
    }
}
