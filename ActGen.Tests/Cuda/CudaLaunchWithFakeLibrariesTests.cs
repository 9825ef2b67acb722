using System;
using System.IO;
using System.Linq;
using ActGen.Cuda;
using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Cuda;

/// <summary>
/// Launches against the stand-in driver (<see cref="FakeCudaLibraries"/>), which records each launch's function, grid,
/// block, stream and arguments: CPU tensors stand in for CUDA ones (the same THSTensor_data gives their addresses);
/// no kernel runs. Also the dispatch as Invocation calls it, with its per-activation fallback.
/// </summary>
public class CudaLaunchWithFakeLibrariesTests(FakeCudaLibraries fake) : IClassFixture<FakeCudaLibraries>
{
    [Fact]
    public void ALaunchPassesTheTensorsAddressesTheCountAndTheParametersOnStreamZero()
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var runtime = fake.Runtime(cache.Path);
        var module = Assert.IsType<Probe<CudaModule>.Found>(runtime.Module(Activations.EluTorch, 0)).Value;
        var storage = linspace(-3, 3, 5003, dtype: ScalarType.Float32);
        var x = storage.narrow(0, 3, 5000); // a storage offset of 3 elements
        fake.ExpectArguments(4);
        var launches = fake.Launches;

        var y = CudaLaunch.Run(runtime.Driver, module, Activations.EluTorch.Definition, new KernelRole.Forward(), x, null, [], [0.7]);

        Assert.NotNull(y);
        Assert.Equal(launches + 1, fake.Launches);
        Assert.EndsWith("_Elu_forward_f32", fake.FunctionName(fake.Last(0)));
        Assert.Equal([5L, 1, 1, 256, 1, 1, 0, 0, 1], Enumerable.Range(1, 9).Select(fake.Last)); // 1250 float4 → 5 blocks; stream 0
        Assert.Equal((long)TensorPointer.Of(storage) + 3 * sizeof(float), fake.Last(10));
        Assert.Equal((long)TensorPointer.Of(y!), fake.Last(11));
        Assert.Equal(5000, fake.Last(12));
        Assert.Equal(0.7, BitConverter.Int64BitsToDouble(fake.Last(13)));
        Assert.Equal(x.shape, y!.shape);
    }

    /// <summary>
    /// float16 and bfloat16 tensors run their own kernels, one thread per eight elements, a tensor parameter converted to
    /// x's dtype; other dtypes, and half-width tensors of a source generated before those kernels, are left to TorchScript.
    /// </summary>
    [Theory]
    [InlineData(ScalarType.Float16, "f16")]
    [InlineData(ScalarType.BFloat16, "bf16")]
    public void HalfWidthTensorsRunTheirOwnKernels(ScalarType dtype, string suffix)
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var runtime = fake.Runtime(cache.Path);
        var prelu = Activations.PReluTorch;
        var module = Assert.IsType<Probe<CudaModule>.Found>(runtime.Module(prelu, 0)).Value;
        var x = linspace(-3, 3, 2049, dtype: dtype);
        var weight = tensor(0.25f);
        fake.ExpectArguments(6);
        var launches = fake.Launches;

        var y = CudaLaunch.Run(runtime.Driver, module, prelu.Definition, new KernelRole.Forward(), x, null, [weight], []);

        Assert.Equal(dtype, y!.dtype);
        Assert.Equal(launches + 1, fake.Launches);
        Assert.EndsWith($"_PRelu_forward_{suffix}", fake.FunctionName(fake.Last(0)));
        Assert.Equal(2L, fake.Last(1)); // 2049 halves: 256 vectors of eight and a tail → 2 blocks
        Assert.Equal(2049, fake.Last(12));
        Assert.NotEqual((long)TensorPointer.Of(weight), fake.Last(13)); // a converted copy, not the float32 weight

        Assert.Null(CudaLaunch.Run(runtime.Driver, module, prelu.Definition, new KernelRole.Forward(), x.to(ScalarType.Int32), null, [weight], []));
        var older = StripHalfWidthKernels(prelu);
        var olderModule = Assert.IsType<Probe<CudaModule>.Found>(fake.Runtime(cache.Path).Module(older, 0)).Value;
        Assert.Null(CudaLaunch.Run(runtime.Driver, olderModule, older.Definition, new KernelRole.Forward(), x, null, [weight], []));
        Assert.NotNull(CudaLaunch.Run(
            runtime.Driver, olderModule, older.Definition, new KernelRole.Forward(), x.to(ScalarType.Float32), null, [weight], []));
        Assert.Equal(launches + 2, fake.Launches);
    }

    /// <summary>The activation as an ActGen before float16 and bfloat16 kernels would have generated it: float and double only.</summary>
    private static TorchActivation StripHalfWidthKernels(TorchActivation a)
    {
        var source = a.Definition.CudaSource!;
        var kept = System.Text.RegularExpressions.Regex.Replace(
            source, @"extern ""C"" __global__ void \w+_b?f16\(.*?\n\}\n", "", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Equal(CudaKernelNames.All(source).Count / 2, CudaKernelNames.All(kept).Count);
        return new(a.Definition with { CudaSource = kept }, a.LearnableDouble, a.LearnableSingle, a.Script);
    }

    [Fact]
    public void TensorParametersAreOneValueOnePerElementOrOnePerChannelAndOtherShapesAreLeftToTorchScript()
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var runtime = fake.Runtime(cache.Path);
        var module = Assert.IsType<Probe<CudaModule>.Found>(runtime.Module(Activations.PReluTorch, 0)).Value;
        var prelu = Activations.PReluTorch.Definition;
        var x = randn(3, 4, dtype: ScalarType.Float64).t(); // [4, 3], not contiguous: a contiguous copy is launched
        var g = randn(4, 3, dtype: ScalarType.Float64);
        fake.ExpectArguments(7);
        (long Inner, long Channels) Layout() => (fake.Last(15), fake.Last(16));

        var one = tensor(0.25, dtype: ScalarType.Float32);
        Assert.NotNull(CudaLaunch.Run(runtime.Driver, module, prelu, new KernelRole.Gradient(0), x, g, [one], []));
        Assert.EndsWith("_PRelu_grad_0_f64", fake.FunctionName(fake.Last(0)));
        Assert.NotEqual((long)TensorPointer.Of(x), fake.Last(10));
        Assert.Equal((long)TensorPointer.Of(g), fake.Last(11));
        Assert.Equal(12, fake.Last(13));
        Assert.NotEqual(0, fake.Last(14));
        Assert.Equal((0L, 1L), Layout()); // one value

        var each = full(4, 3, 0.1, dtype: ScalarType.Float64);
        Assert.NotNull(CudaLaunch.Run(runtime.Driver, module, prelu, new KernelRole.Backward(false), x, g, [each], []));
        Assert.EndsWith("_PRelu_backward_f64", fake.FunctionName(fake.Last(0)));
        Assert.Equal((long)TensorPointer.Of(each), fake.Last(14));
        Assert.Equal((1L, 0L), Layout()); // one per element

        var perChannel = linspace(0.1, 0.3, 3, dtype: ScalarType.Float64).view(1, 3); // PReLU's weight along dimension 1
        fake.ExpectArguments(6); // the forward takes no gy: one argument fewer
        Assert.NotNull(CudaLaunch.Run(runtime.Driver, module, prelu, new KernelRole.Forward(), x, null, [perChannel], []));
        Assert.Equal((1L, 3L), (fake.Last(14), fake.Last(15)));
        fake.ExpectArguments(7);
        var perRow = linspace(0.1, 0.4, 4, dtype: ScalarType.Float32).view(4, 1); // float32 for a float64 x: converted
        Assert.NotNull(CudaLaunch.Run(runtime.Driver, module, prelu, new KernelRole.Gradient(0), x, g, [perRow], []));
        Assert.NotEqual((long)TensorPointer.Of(perRow), fake.Last(14));
        Assert.Equal((3L, 4L), Layout());

        var launches = fake.Launches;
        var mismatched = full(4, 0.1, dtype: ScalarType.Float64); // broadcasting would lay it along the last dimension (3)
        Assert.Null(CudaLaunch.Run(runtime.Driver, module, prelu, new KernelRole.Forward(), x, null, [mismatched], []));
        Assert.Null(CudaLaunch.Run(runtime.Driver, module, prelu, new KernelRole.Forward(), x, null, [full(2, 4, 3, 0.1, dtype: ScalarType.Float64)], []));
        Assert.Null(CudaLaunch.Run(runtime.Driver, module, prelu, new KernelRole.Backward(false), x, g.t(), [each], []));
        Assert.Equal(launches, fake.Launches);
    }

    /// <summary>The dispatch as Invocation calls it, with CPU tensors standing in for device 0.</summary>
    [Fact]
    public void TheDispatchRunsEachRolesKernelAndFallsBackPerActivationSayingSoOnce()
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var log = new StringWriter();
        var runtime = fake.Runtime(cache.Path);
        var dispatch = CudaDispatch.With(() => new Probe<CudaRuntime>.Found(runtime), log, _ => 0);
        var x = linspace(-1, 1, 10, dtype: ScalarType.Float32);
        var g = ones_like(x);
        var launches = fake.Launches;

        fake.ExpectArguments(4);
        Assert.NotNull(dispatch.Forward(Activations.EluTorch, x, [], [1.0]));
        Assert.EndsWith("_Elu_forward_f32", fake.FunctionName(fake.Last(0)));
        fake.ExpectArguments(4);
        Assert.NotNull(dispatch.Backward(Activations.SigmoidTorch, x, g, [], []));
        Assert.EndsWith("_Sigmoid_backward_from_output_f32", fake.FunctionName(fake.Last(0)));
        fake.ExpectArguments(6);
        Assert.NotNull(dispatch.Gradient(Activations.PReluTorch, "weight", x, g, [tensor(0.25f)], []));
        Assert.EndsWith("_PRelu_grad_0_f32", fake.FunctionName(fake.Last(0)));
        Assert.Equal(launches + 3, fake.Launches);

        var gg = linspace(2, 3, 10, dtype: ScalarType.Float32);
        fake.ExpectArguments(6);
        Assert.NotNull(dispatch.Second(Activations.EluTorch, null, null, x, g, gg, [], [1.0]));
        Assert.EndsWith("_Elu_second_x_x_f32", fake.FunctionName(fake.Last(0)));
        Assert.Equal(
            [(long)TensorPointer.Of(x), (long)TensorPointer.Of(g), (long)TensorPointer.Of(gg), 10L, BitConverter.DoubleToInt64Bits(1.0)],
            new[] { 10, 11, 12, 14, 15 }.Select(fake.Last));
        fake.ExpectArguments(8);
        Assert.NotNull(dispatch.Second(Activations.PReluTorch, "weight", null, x, g, gg, [tensor(0.25f)], []));
        Assert.EndsWith("_PRelu_second_x_0_f32", fake.FunctionName(fake.Last(0)));
        Assert.Equal((0L, 1L), (fake.Last(16), fake.Last(17)));
        Assert.Null(dispatch.Second(Activations.EluTorch, null, null, x, g, gg[..5], [], [1.0])); // gg not shaped like x
        Assert.Equal(launches + 5, fake.Launches);
        launches += 2;

        var elu = Activations.EluTorch;
        var broken = FakeCudaLibraries.Broken(elu);
        Assert.Null(dispatch.Forward(broken, x, [], [1.0]));
        Assert.Null(dispatch.Backward(broken, x, g, [], [1.0]));
        Assert.Equal(launches + 3, fake.Launches);
        var line = Assert.Single(log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ActGen: CUDA tensors run the TorchScript program for ActGen.Activations.Elu: NVRTC could not compile", line);
        Assert.EndsWith("NVRTC_ERROR_COMPILATION ActGen.Activations.Elu.cu(1): error: this source says #error", line);
    }
}
