using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace ActGen.Cuda;

/// <summary>The counter-based draw's kernels (<see cref="CounterUniformSource"/>) loaded on one device.</summary>
internal sealed record CounterUniformModule(CudaDevice Device, IReadOnlyDictionary<KernelElement, IntPtr> Functions)
{
    public static Probe<CounterUniformModule> Load(CudaDriver driver, CudaDevice device, byte[] image)
    {
        driver.SetCurrent(device.Context);
        var (module, error) = driver.LoadModule(image);
        return error is not null
            ? Probe<CounterUniformModule>.No(error)
            : new Probe<CounterUniformModule>.Found(new CounterUniformModule(
                device, CounterUniformSource.Kernels.ToDictionary(k => k.Key, k => driver.Function(module, k.Value))));
    }

    /// <summary>
    /// Fills <paramref name="values"/> (contiguous, float32 or float64, on this device) with U(lower, upper) drawn from
    /// <paramref name="seed"/>; false, and nothing launched, for any other tensor.
    /// </summary>
    /// <exception cref="CudaDriverException">The driver refused the launch.</exception>
    public bool Fill(CudaDriver driver, Tensor values, ulong seed, double lower, double upper)
    {
        if (!values.is_contiguous() || KernelElement.Of(values.dtype) is not { } element || !Functions.ContainsKey(element))
        {
            return false;
        }

        if (values.numel() is var n and > 0)
        {
            Fill(driver, TensorPointer.Of(values), n, element, seed, lower, upper);
            GC.KeepAlive(values);
        }

        return true;
    }

    /// <summary>Fills n (at least 1) values of <paramref name="element"/> at device address <paramref name="address"/> (float or double).</summary>
    /// <exception cref="CudaDriverException">The driver refused the launch.</exception>
    public void Fill(CudaDriver driver, ulong address, long n, KernelElement element, ulong seed, double lower, double upper)
    {
        KernelArgument[] arguments =
        [
            new KernelArgument.Pointer("out", address),
            new KernelArgument.LongLong("n", n),
            new KernelArgument.LongLong("seed", unchecked((long)seed)),
            new KernelArgument.Real("lower", lower),
            new KernelArgument.Real("upper", upper),
        ];
        CudaLaunch.Launch(driver, Device, Functions[element], LaunchGeometry.For(n, element.Bytes, Device.Multiprocessors), arguments);
    }
}
