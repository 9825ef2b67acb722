using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace ActGen.Experiments.Kernels;

/// <summary>Runs one kernel of the host-compiled CUDA sources through its host launcher (<c>actgen_host_{kernel}</c>).</summary>
internal static unsafe class HostKernelLauncher
{
    /// <summary>
    /// Runs one kernel with every buffer in 64-byte-aligned native memory, starting <paramref name="shift"/> elements in:
    /// 0 takes the 16-byte vector loop (and the scalar tail), 1 the scalar loop alone. Tensor parameters hold values
    /// rounded as <paramref name="parameterValues"/> rounds them (else as the kernel's own type).
    /// </summary>
    public static double[] Launch(
        IntPtr library,
        string? name,
        Precision precision,
        double[] x,
        double[]? gy,
        ActivationDefinition d,
        ParameterLayout layout,
        int shift,
        double[]? gg = null,
        Precision? parameterValues = null)
    {
        if (name is null)
        {
            return [];
        }

        var function = (delegate* unmanaged<uint, uint, void*, void*, void*, void*, long, double*, void**, long*, long*, void>)
            NativeLibrary.GetExport(library, name);
        var n = x.Length;
        var buffers = new List<IntPtr>();
        void* Native(double[] values)
        {
            var block = (IntPtr)NativeMemory.AlignedAlloc((nuint)((values.Length + 1) * precision.Size), 64);
            buffers.Add(block);
            var start = (byte*)block + shift * precision.Size;
            for (var i = 0; i < values.Length; i++)
            {
                precision.Write(start, i, values[i]);
            }

            return start;
        }

        try
        {
            var input = Native(x);
            var gradient = Native(gy ?? new double[n]);
            var gradGrad = Native(gg ?? new double[n]);
            var output = Native(new double[n]);
            var tensors = d.Parameters
                .Select((_, k) => (IntPtr)Native((parameterValues ?? precision).Round(layout.Values(d, k, n))))
                .Append(IntPtr.Zero)
                .ToArray();
            var inners = Enumerable.Repeat(layout.Inner, d.Parameters.Count).Append(0).ToArray();
            var channels = Enumerable.Repeat(layout.Channels, d.Parameters.Count).Append(0).ToArray();
            var hyper = d.Defaults.Append(0).ToArray();
            fixed (double* hyperPointer = hyper)
            fixed (IntPtr* tensorPointer = tensors)
            fixed (long* innerPointer = inners)
            fixed (long* channelPointer = channels)
            {
                function(3, 7, input, gradient, gradGrad, output, n, hyperPointer, (void**)tensorPointer, innerPointer, channelPointer);
            }

            return Enumerable.Range(0, n).Select(i => precision.Read((byte*)output, i)).ToArray();
        }
        finally
        {
            buffers.ForEach(b => NativeMemory.AlignedFree((void*)b));
        }
    }
}
