using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Cuda;

namespace ActGen.Experiments.Kernels;

/// <summary>
/// Runs an activation's kernels on a GPU the way the runtime does for CUDA tensors: the module the runtime compiled and
/// loaded, the function it resolved by role and element type, arguments packed by <see cref="KernelArguments"/>, the
/// runtime's <see cref="LaunchGeometry"/>, stream 0 in the primary context; buffers from the driver instead of torch.
/// A launch the driver refuses (or, synchronised, a fault inside the kernel) is an error that names the kernel.
/// </summary>
internal sealed unsafe class DeviceKernelLauncher(CudaDriver driver, CudaDeviceMemory memory, CudaModule module, ActivationDefinition d, CudaKernelNames names)
{
    private readonly Dictionary<string, (KernelRole Role, KernelElement Element)> kernels = CudaKernelNames.Roles(d)
        .SelectMany(role => names.Elements.Select(element => (role, element)))
        .ToDictionary(k => $"{k.role.Suffix}_{k.element.Suffix}", k => (k.role, k.element));

    /// <summary>Kernel launches so far.</summary>
    public int Launches { get; private set; }

    public double[] Run(
        string kernel, Precision precision, double[] x, double[]? gy, ParameterLayout layout, int shift, double[]? gg, Precision? parameterValues)
    {
        if (!kernels.TryGetValue(kernel, out var k) || module.Function(k.Role, k.Element) is not { } function)
        {
            return [];
        }

        var n = x.Length;
        var buffers = new List<ulong>();
        ulong Device(double[] values)
        {
            var bytes = new byte[(values.Length + shift) * precision.Size];
            fixed (byte* p = bytes)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    precision.Write(p + shift * precision.Size, i, values[i]);
                }
            }

            buffers.Add(memory.Upload(bytes));
            return buffers[^1] + (ulong)(shift * precision.Size);
        }

        try
        {
            var tensors = d.Parameters
                .Select((p, index) => (p, index))
                .Where(q => q.p.Role != ParameterRole.Hyper)
                .Select(q => new TensorOperand(Device((parameterValues ?? precision).Round(layout.Values(d, q.index, n))), layout.Abi))
                .ToArray();
            var output = Device(new double[n]);
            var operands = new KernelOperands(
                Device(x),
                k.Role.ReadsGradOutput ? Device(gy ?? new double[n]) : null,
                output,
                n,
                tensors,
                d.Parameters.Where(p => p.Role == ParameterRole.Hyper).Select(p => p.Default).ToArray(),
                k.Role.ReadsGradGrad ? Device(gg ?? new double[n]) : null);
            var geometry = LaunchGeometry.For(n, k.Element.Bytes, module.Device.Multiprocessors);
            try
            {
                CudaLaunch.Launch(driver, module.Device, function, geometry, KernelArguments.Pack(d.Parameters, k.Role, operands));
            }
            catch (CudaDriverException e)
            {
                throw new InvalidOperationException($"{d.Owner}.{d.Name}'s {kernel} kernel (n = {n}, start shifted by {shift}): {e.Message}", e);
            }

            Launches++;
            var values = new byte[n * precision.Size];
            memory.Download(output, values);
            var result = new double[n];
            fixed (byte* p = values)
            {
                for (var i = 0; i < n; i++)
                {
                    result[i] = precision.Read(p, i);
                }
            }

            return result;
        }
        finally
        {
            buffers.ForEach(memory.Free);
        }
    }
}
