using System;
using System.Collections.Generic;
using System.Linq;

namespace ActGen.Cuda;

/// <summary>One activation's kernels loaded on one device: every kernel the runtime may launch, by role and element type.</summary>
internal sealed record CudaModule(CudaDevice Device, IReadOnlyDictionary<(KernelRole Role, KernelElement Element), IntPtr> Functions)
{
    /// <summary>The kernel, or null where the source has none of that element type.</summary>
    public IntPtr? Function(KernelRole role, KernelElement element) =>
        Functions.TryGetValue((role, element), out var function) ? function : null;

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
            .SelectMany(role => names.Elements.Select(element => (role, element)))
            .ToDictionary(k => k, k => driver.Function(module, names.Name(k.role, k.element)));
        return new Probe<CudaModule>.Found(new CudaModule(device, functions));
    }
}
