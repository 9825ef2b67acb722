using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>An implementation that could not run, and why (reported instead of timed).</summary>
public sealed record Failure(string Activation, string Dtype, string Impl, string Message);

/// <summary>Runs each implementation once, forward and backward, at a small n: the bench times only those that work.</summary>
public static class ImplProbe
{
    public static (IReadOnlyList<Impl> Working, IReadOnlyList<Failure> Failures) Split(BenchCase c, IReadOnlyList<Impl> impls, ScalarType dtype, BenchDevice device)
    {
        var failures = new List<Failure>();
        var working = impls.Where(impl =>
        {
            try
            {
                using var scope = NewDisposeScope();
                var x = randn(64, dtype: dtype, device: device.Device).requires_grad_(true);
                Phase.Call(Phase.ForwardBackward, impl, x, ones_like(x))();
                return true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add(new Failure(c.Name, DtypeName.Of(dtype), impl.Name, FirstLine(e.Message)));
                return false;
            }
        }).ToArray();
        return (working, failures);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
