using System;
using System.IO;
using ActGen.Cuda;
using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Cuda;

/// <summary>
/// A driver error at call time (the stand-in driver made to refuse launches or context switches): the dispatch answers
/// "not here", so the call that failed runs the TorchScript program, as every later call of that activation on that
/// device does; said once on the log, never thrown; other activations keep their kernels.
/// </summary>
public class CudaLaunchFailureTests(FakeCudaLibraries fake) : IClassFixture<FakeCudaLibraries>
{
    private const int LaunchOutOfResources = 701;
    private const int InvalidContext = 201;
    private const int IllegalAddress = 700;

    [Fact]
    public void AFailedLaunchRunsTorchScriptForThatActivationFromThenOnAndSaysSoOnce()
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var log = new StringWriter();
        var runtime = fake.Runtime(cache.Path);
        var dispatch = CudaDispatch.With(() => new Probe<CudaRuntime>.Found(runtime), log, _ => 0);
        var elu = Activations.EluTorch;
        var x = linspace(-3, 3, 101, dtype: ScalarType.Float32);
        var g = ones_like(x);
        fake.ExpectArguments(3); // in, out, n: the fewest of the kernels launched here
        var launches = fake.Launches;

        fake.FailLaunches(LaunchOutOfResources);
        Tensor y;
        try
        {
            y = dispatch.Forward(elu, x, [], [1.0]) ?? Invocation.Script(elu, "forward", [x], [1.0]);
        }
        finally
        {
            fake.FailLaunches(0);
        }

        Assert.Equal(launches, fake.Launches);
        Assert.True(y.allclose(nn.functional.elu(x, 1.0), rtol: 1e-6, atol: 1e-6));
        Assert.Null(dispatch.Forward(elu, x, [], [1.0]));
        Assert.Null(dispatch.Backward(elu, x, g, [], [1.0]));
        Assert.Equal(launches, fake.Launches);

        Assert.NotNull(dispatch.Forward(Activations.SigmoidTorch, x, [], []));
        Assert.Equal(launches + 1, fake.Launches);
        var line = Assert.Single(log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            "ActGen: CUDA tensors run the TorchScript program for ActGen.Activations.Elu on cuda:0: ActGen's CUDA path: "
            + "cuLaunchKernel failed: too many resources requested for launch (701) running its forward kernel; "
            + "this call and every later one run TorchScript",
            line);
    }

    /// <summary>
    /// With <c>ACTGEN_CUDA_SYNC=1</c> every launch waits for its kernel, so a fault inside it (here the stand-in's
    /// synchronisation failing as after an illegal address) is that launch's error: the line names the activation and the
    /// kernel. Without it nothing waits.
    /// </summary>
    [Fact]
    public void WithSynchronizedLaunchesAFaultInsideAKernelNamesItsActivationAndKernel()
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        Assert.True(CudaLoadSettings.FromEnvironment(v => v == "ACTGEN_CUDA_SYNC" ? "1" : null).SynchronizeLaunches);
        Assert.False(CudaLoadSettings.FromEnvironment(_ => null).SynchronizeLaunches);
        var x = linspace(-3, 3, 101, dtype: ScalarType.Float32);
        fake.ExpectArguments(3);

        var unsynchronized = CudaDispatch.With(() => new Probe<CudaRuntime>.Found(fake.Runtime(cache.Path)), new StringWriter(), _ => 0);
        var synchronizations = fake.Synchronizations;
        Assert.NotNull(unsynchronized.Forward(Activations.SigmoidTorch, x, [], []));
        Assert.Equal(synchronizations, fake.Synchronizations);

        var log = new StringWriter();
        var dispatch = CudaDispatch.With(() => new Probe<CudaRuntime>.Found(fake.Runtime(cache.Path, synchronize: true)), log, _ => 0);
        Assert.NotNull(dispatch.Forward(Activations.SigmoidTorch, x, [], []));
        Assert.Equal(synchronizations + 1, fake.Synchronizations);
        fake.FailSynchronize(IllegalAddress);
        try
        {
            Assert.Null(dispatch.Backward(Activations.SigmoidTorch, x, ones_like(x), [], []));
        }
        finally
        {
            fake.FailSynchronize(0);
        }

        Assert.Equal(
            "ActGen: CUDA tensors run the TorchScript program for ActGen.Activations.Sigmoid on cuda:0: ActGen's CUDA path: "
            + "cuCtxSynchronize after cuLaunchKernel failed: an illegal memory access was encountered (700) running its "
            + "backward_from_output kernel; this call and every later one run TorchScript",
            Assert.Single(log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void AContextThatCannotBeMadeCurrentAtCallTimeFallsBackToo()
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var log = new StringWriter();
        var runtime = fake.Runtime(cache.Path);
        var dispatch = CudaDispatch.With(() => new Probe<CudaRuntime>.Found(runtime), log, _ => 0);
        var prelu = Activations.PReluTorch;
        Assert.IsType<Probe<CudaModule>.Found>(runtime.Module(prelu, 0)); // loaded while the context still works
        var x = linspace(-3, 3, 40, dtype: ScalarType.Float64);
        var g = linspace(0.5, 1.5, 40, dtype: ScalarType.Float64);
        var w = tensor(0.25, dtype: ScalarType.Float64);
        var launches = fake.Launches;

        fake.FailSetCurrent(InvalidContext);
        Tensor dw;
        try
        {
            dw = dispatch.Gradient(prelu, "weight", x, g, [w], [])
                ?? Invocation.Script(prelu, Invocation.ScriptGradient(prelu, "weight"), [x, g, w], []);
        }
        finally
        {
            fake.FailSetCurrent(0);
        }

        Assert.Equal(launches, fake.Launches);
        Assert.True(dw.allclose(g * where(x > 0, zeros_like(x), x)));
        Assert.Null(dispatch.Forward(prelu, x, [w], []));
        Assert.Equal(launches, fake.Launches);
        Assert.Contains(
            "for ActGen.Activations.PRelu on cuda:0: ActGen's CUDA path: cuCtxSetCurrent failed: invalid device context (201) "
            + "running its grad_0 kernel",
            Assert.Single(log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)));
    }
}
