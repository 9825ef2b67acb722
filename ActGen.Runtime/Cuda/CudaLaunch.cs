using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace ActGen.Cuda;

/// <summary>
/// One launch of a generated kernel on torch's CUDA tensors: inputs made contiguous, the output from torch
/// (<c>empty_like</c>, so libtorch's caching allocator serves it), the device's primary context current, stream 0.
/// Temporaries may be freed as soon as this returns: the caching allocator reuses their memory only for work queued
/// after this kernel on the same stream.
/// </summary>
internal static unsafe class CudaLaunch
{
    /// <returns>
    /// The output, or null when a tensor is on another device, a parameter's shape has no <see cref="ParameterLayout"/>,
    /// or the source has no kernel of x's element type.
    /// </returns>
    /// <exception cref="CudaDriverException">The driver refused the launch (the dispatch then runs TorchScript).</exception>
    public static Tensor? Run(
        CudaDriver driver,
        CudaModule module,
        ActivationDefinition definition,
        KernelRole role,
        Tensor x,
        Tensor? gradOutput,
        Tensor[] tensors,
        double[] hyper,
        Tensor? gradGrad = null)
    {
        if (!Like(x, gradOutput) || !Like(x, gradGrad)
            || KernelElement.Of(x.dtype) is not { } element || module.Function(role, element) is not { } function)
        {
            return null;
        }

        var parameters = tensors.Select(t => Parameter(x, t)).ToArray();
        var input = Contiguous(x);
        var gy = gradOutput is null ? null : Contiguous(gradOutput);
        var gg = gradGrad is null ? null : Contiguous(gradGrad);
        try
        {
            return parameters.Any(p => p is null)
                ? null
                : Launched(driver, module, definition, role, function, element, input, gy, gg, parameters, hyper);
        }
        finally
        {
            // Held until the kernel is queued (TorchSharp keeps no tensor alive past reading its handle), then the copies
            // made here released: their memory is reused only by work queued after this kernel on the same stream.
            Release(input, x);
            Release(gy, gradOutput);
            Release(gg, gradGrad);
            foreach (var (p, t) in parameters.Zip(tensors))
            {
                Release(p?.Tensor, t);
            }
        }
    }

    private static Tensor Launched(
        CudaDriver driver,
        CudaModule module,
        ActivationDefinition definition,
        KernelRole role,
        IntPtr function,
        KernelElement element,
        Tensor input,
        Tensor? gy,
        Tensor? gg,
        (Tensor Tensor, ParameterLayout Layout)?[] parameters,
        double[] hyper)
    {
        var output = empty_like(input);
        var n = input.numel();
        if (n == 0)
        {
            return output;
        }

        var operands = new KernelOperands(
            TensorPointer.Of(input),
            gy is null ? null : TensorPointer.Of(gy),
            TensorPointer.Of(output),
            n,
            parameters.Select(p => new TensorOperand(TensorPointer.Of(p!.Value.Tensor), p.Value.Layout)).ToArray(),
            hyper,
            gg is null ? null : TensorPointer.Of(gg));
        var arguments = KernelArguments.Pack(definition.Parameters, role, operands);
        try
        {
            Launch(driver, module.Device, function, LaunchGeometry.For(n, element.Bytes, module.Device.Multiprocessors), arguments);
        }
        catch (CudaDriverException)
        {
            output.Dispose();
            throw;
        }

        return output;
    }

    /// <summary>One launch of <paramref name="function"/> on stream 0 with the device's primary context current.</summary>
    /// <exception cref="CudaDriverException">The driver refused the context or the launch.</exception>
    public static void Launch(
        CudaDriver driver, CudaDevice device, IntPtr function, LaunchGeometry geometry, IReadOnlyList<KernelArgument> arguments)
    {
        var bits = arguments.Select(a => a.Bits).ToArray();
        driver.SetCurrent(device.Context);
        fixed (long* values = bits)
        {
            var pointers = stackalloc void*[bits.Length];
            for (var i = 0; i < bits.Length; i++)
            {
                pointers[i] = values + i;
            }

            driver.Launch(function, geometry, pointers);
        }
    }

    /// <summary>A tensor parameter as the kernel reads it: x's element type, contiguous, and its layout against x.</summary>
    private static (Tensor Tensor, ParameterLayout Layout)? Parameter(Tensor x, Tensor t)
    {
        if (!OnDeviceOf(x, t) || ParameterLayout.Of(x.shape, t.shape) is not { } layout)
        {
            return null;
        }

        if (t.dtype == x.dtype)
        {
            return (Contiguous(t), layout);
        }

        using var typed = t.to(x.dtype);
        return (typed.contiguous(), layout);
    }

    /// <summary>An operand read element by element alongside x (gy, gg): absent, or on x's device with x's dtype and shape.</summary>
    private static bool Like(Tensor x, Tensor? t) =>
        t is null || (OnDeviceOf(x, t) && t.dtype == x.dtype && t.shape.SequenceEqual(x.shape));

    private static bool OnDeviceOf(Tensor x, Tensor t) => t.device_type == x.device_type && t.device_index == x.device_index;

    private static Tensor Contiguous(Tensor t) => t.is_contiguous() ? t : t.contiguous();

    /// <summary>Releases <paramref name="made"/> where it is a copy of <paramref name="given"/> made here, else keeps the given one alive to here.</summary>
    private static void Release(Tensor? made, Tensor? given)
    {
        if (made is not null && !ReferenceEquals(made, given))
        {
            made.Dispose();
        }

        GC.KeepAlive(given);
    }
}
