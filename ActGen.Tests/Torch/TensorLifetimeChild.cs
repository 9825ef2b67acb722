using System;
using System.Linq;
using System.Runtime;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>
/// The child process of <see cref="TensorLifetimeTests"/>, over <see cref="TensorLifetimeCalls"/> (made with no dispose
/// scope open, as a user may). <see cref="Race"/> runs them over and over while another thread keeps the garbage
/// collector and the finalizers running, and checks every result against the one computed before: a tensor handle that
/// nothing holds during the native call it was passed to (TorchSharp keeps neither <c>this</c> nor its tensor arguments
/// alive) is then finalized mid-call, and the process ends or a result is wrong (exit code 3). <see cref="Handles"/>
/// counts the tensor handles each call leaves to the finalizer, with the collector held off (exit code 4 if any).
/// </summary>
internal static class TensorLifetimeChild
{
    public const string RaceCommand = "tensor-lifetime";
    public const string HandlesCommand = "tensor-handles";
    private const int Repeats = 20;

    public static int Race(string calls, double seconds)
    {
        TorchSetup.EnsureLoaded();
        set_num_threads(1);
        return FinalizerRace.Run(TensorLifetimeCalls.Named(calls), Values, seconds);
    }

    /// <summary>
    /// Per call, the change in TorchSharp's count of live tensor handles over <see cref="Repeats"/> calls, with no
    /// collection running (so the finalizer frees nothing meanwhile): a handle the runtime leaves to it stays counted.
    /// </summary>
    public static int Handles(string calls)
    {
        TorchSetup.EnsureLoaded();
        set_num_threads(1);
        var leaks = 0L;
        foreach (var (label, call) in TensorLifetimeCalls.Named(calls))
        {
            // Once first: programs compiled, and whatever the runtime keeps from one call to the next already kept.
            Values(call);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = Tensor.TotalCount;
            var held = GC.TryStartNoGCRegion(200L << 20);
            for (var i = 0; i < Repeats; i++) Values(call);
            var left = Tensor.TotalCount - before;
            if (held && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
            Console.WriteLine($"{label}: {left} handles left after {Repeats} calls{(held ? "" : " (a collection may have run)")}");
            leaks += Math.Abs(left);
        }

        Console.WriteLine(leaks == 0 ? "no handles left" : "handles left");
        return leaks == 0 ? 0 : 4;
    }

    /// <summary>Every value the call returns, read out in a scope, then released with the call's temporaries.</summary>
    private static double[] Values(Func<Tensor[]> call)
    {
        var results = call();
        try
        {
            using var scope = NewDisposeScope();
            return results.SelectMany(r => r.detach().to(ScalarType.Float64).contiguous().flatten().data<double>().ToArray()).ToArray();
        }
        finally
        {
            foreach (var r in results) r.Dispose();
            TensorLifetimeCalls.ReleaseTemporaries();
        }
    }
}
