using System;
using System.IO;
using System.Linq;
using ActGen.Cuda;
using ActGen.Tests.Support;
using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Cuda;

/// <summary>
/// The runtime's CUDA path computing real values (<see cref="HostExecutedCudaLibraries"/>: its own compile, load, argument
/// packing, parameter layouts and launches, the kernels run on the CPU): every kernel of every catalog activation gives
/// the values of the TorchScript program it stands in for — the program CUDA tensors ran before, and run where the
/// kernels cannot.
/// </summary>
public class HostExecutedKernelTests(HostExecutedCudaLibraries host) : IClassFixture<HostExecutedCudaLibraries>
{
    private static readonly double[] Edges = [0, -0.0, 1e-30, -1e-30, 0.5, 20, -20, 88, -88, 800, -800, double.PositiveInfinity, double.NegativeInfinity, double.NaN];

    private static Tensor Inputs(ScalarType dtype) => cat([linspace(-6, 6, 1001, dtype: ScalarType.Float64), tensor(Edges)]).to(dtype);

    [Theory]
    [InlineData(ScalarType.Float64, 1e-9, 1e-12)]
    [InlineData(ScalarType.Float32, 2e-5, 2e-6)]
    public void EveryKernelOfEveryCatalogActivationGivesItsTorchScriptProgramsValues(ScalarType dtype, double rtol, double atol)
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var (dispatch, log) = Dispatch(cache);
        var x = Inputs(dtype);
        var gy = linspace(0.5, 2, x.shape[0], dtype: dtype);
        var gg = linspace(1.5, -0.5, x.shape[0], dtype: dtype);
        var kernels = 0;
        Assert.Equal(CatalogNames.All.Length, CatalogActivations.All.Length);
        foreach (var a in CatalogActivations.All)
        {
            var d = a.Definition;
            var (tensors, hyper) = Defaults(d, dtype);
            var y = Invocation.Script(a, "forward", [x, .. tensors], hyper);
            var source = d.BackwardFromOutput ? y : x;
            void Check(string kernel, Tensor? ours, Tensor reference)
            {
                Assert.True(ours is not null, $"{d.Name} {kernel}: the kernel did not run ({log})");
                Close($"{d.Name} {kernel} {dtype}", ours!, reference, rtol, atol);
                kernels++;
            }

            Check("forward", dispatch.Forward(a, x, tensors, hyper), y);
            Check("backward", dispatch.Backward(a, source, gy, tensors, hyper), Invocation.Script(a, "backward", [source, gy, .. tensors], hyper));
            foreach (var (p, k) in d.Parameters.Select((p, k) => (p, k)).Where(q => q.p.Role == ParameterRole.Learnable))
            {
                Check($"grad_{k}", dispatch.Gradient(a, p.Name, x, gy, tensors, hyper), Invocation.Script(a, $"grad_{k}", [x, gy, .. tensors], hyper));
            }

            foreach (var role in CudaKernelNames.Roles(d).OfType<KernelRole.SecondOrder>())
            {
                string? Name(int? k) => k is { } i ? d.Parameters[i].Name : null;
                Check(
                    role.Suffix,
                    dispatch.Second(a, Name(role.First), Name(role.Second), source, gy, gg, tensors, hyper),
                    Invocation.Script(a, role.Suffix, [source, gy, gg, .. tensors], hyper));
            }
        }

        Assert.Equal("", log.ToString());
        Assert.True(kernels >= 3 * CatalogNames.All.Length, $"only {kernels} kernels ran");
    }

    /// <summary>float16 and bfloat16: the float32 program's values rounded once (the kernels compute in float).</summary>
    [Theory]
    [InlineData(ScalarType.Float16, 2e-3, 1e-6)]
    [InlineData(ScalarType.BFloat16, 1.6e-2, 1e-6)]
    public void HalfWidthKernelsGiveTheFloatProgramsValuesRoundedOnce(ScalarType dtype, double rtol, double atol)
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var (dispatch, log) = Dispatch(cache);
        var x = Inputs(dtype);
        var gy = linspace(0.5, 2, x.shape[0], dtype: dtype);
        foreach (var a in CatalogActivations.All)
        {
            var (tensors, hyper) = Defaults(a.Definition, dtype);
            var floats = tensors.Select(t => t.to(ScalarType.Float32)).ToArray();
            var y = dispatch.Forward(a, x, tensors, hyper);
            Assert.NotNull(y);
            Assert.Equal(dtype, y!.dtype);
            var reference = Invocation.Script(a, "forward", [x.to(ScalarType.Float32), .. floats], hyper);
            Close($"{a.Definition.Name} forward {dtype}", y, reference.to(dtype), rtol, atol);
            var source = a.Definition.BackwardFromOutput ? y : x;
            Close(
                $"{a.Definition.Name} backward {dtype}",
                dispatch.Backward(a, source, gy, tensors, hyper)!,
                Invocation.Script(a, "backward", [source.to(ScalarType.Float32), gy.to(ScalarType.Float32), .. floats], hyper).to(dtype),
                rtol,
                atol);
        }

        Assert.Equal("", log.ToString());
    }

    /// <summary>
    /// PReLU's weight one per channel of [N, C, H, W] (as the module passes it, [1, C, 1, 1]) and RReLU's slopes one per
    /// element, on a non-contiguous x with a storage offset: the layouts the runtime works out are the ones broadcasting means.
    /// </summary>
    [Fact]
    public void PerChannelAndPerElementParametersOnAStridedInputGiveTheProgramsValues()
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var (dispatch, log) = Dispatch(cache);
        var x = randn([2, 5, 3, 4, 7], dtype: ScalarType.Float64).narrow(4, 2, 4).transpose(1, 2).select(2, 1); // [2, 3, 5, 4], strided
        Assert.False(x.is_contiguous());
        var gy = randn(x.shape, dtype: ScalarType.Float64);
        var prelu = CatalogActivations.All.Single(a => a.Definition.Name == "PRelu");
        var weight = tensor(new[] { 0.1, -0.2, 0.3 }, dtype: ScalarType.Float64).view(1, 3, 1, 1);
        Close("PRelu forward per channel", dispatch.Forward(prelu, x, [weight], [])!, Invocation.Script(prelu, "forward", [x, weight], []), 1e-12, 1e-12);
        Close(
            "PRelu grad_0 per channel",
            dispatch.Gradient(prelu, prelu.Definition.Parameters[0].Name, x, gy, [weight], [])!,
            Invocation.Script(prelu, "grad_0", [x, gy, weight], []),
            1e-12,
            1e-12);

        var rrelu = CatalogActivations.All.Single(a => a.Definition.Name == "RRelu");
        var slopes = rand(x.shape, dtype: ScalarType.Float64) * 0.2 + 0.1;
        Close("RRelu forward per element", dispatch.Forward(rrelu, x, [slopes], [])!, Invocation.Script(rrelu, "forward", [x, slopes], []), 1e-12, 1e-12);
        Assert.Equal("", log.ToString());
    }

    /// <summary>The draw of randomized parameters through the runtime: the CPU's values for the seed, bit for bit.</summary>
    [Theory]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Float32)]
    public void TheDrawThroughTheRuntimeIsTheCpusDraw(ScalarType dtype)
    {
        using var cache = new TempFolder();
        using var scope = NewDisposeScope();
        var (dispatch, log) = Dispatch(cache);
        var ours = empty(3, 1367, dtype: dtype);
        Assert.True(dispatch.Draw(ours, 0xDEADBEEF12345678, 1.0 / 8, 1.0 / 3));
        var cpu = empty(3, 1367, dtype: dtype);
        ManagedKernels.Fill(cpu, 0xDEADBEEF12345678, 1.0 / 8, 1.0 / 3);
        Assert.True(ours.eq(cpu).all().item<bool>(), $"{dtype}: the draw through the runtime differs from the CPU's");
        Assert.Equal("", log.ToString());
    }

    /// <summary>A dispatch over the host-executing runtime, device 0 standing for every tensor, and its log.</summary>
    private (CudaDispatch Dispatch, StringWriter Log) Dispatch(TempFolder cache)
    {
        var log = new StringWriter();
        return (CudaDispatch.With(() => new Probe<CudaRuntime>.Found(host.Runtime(cache.Path)), log, _ => 0), log);
    }

    /// <summary>Tensor parameters at their defaults (one value each), hyper-parameters at theirs, in declaration order.</summary>
    private static (Tensor[] Tensors, double[] Hyper) Defaults(ActivationDefinition d, ScalarType dtype) =>
        (d.Parameters.Where(p => p.Role != ParameterRole.Hyper).Select(p => tensor(p.Default, dtype: dtype)).ToArray(),
            d.Parameters.Where(p => p.Role == ParameterRole.Hyper).Select(p => p.Default).ToArray());

    /// <summary>Equal NaN and infinities, the rest within tolerance; names the first element that is not.</summary>
    private static void Close(string what, Tensor ours, Tensor reference, double rtol, double atol)
    {
        Assert.Equal(reference.shape, ours.shape);
        var (a, b) = (ours.to(ScalarType.Float64).flatten(), reference.to(ScalarType.Float64).flatten());
        var ok = a.isclose(b, rtol, atol, true) | (a.isinf() & a.eq(b));
        if (!ok.all().item<bool>())
        {
            var i = (~ok).nonzero()[0, 0].item<long>();
            Assert.Fail($"{what}: element {i} is {a[i].item<double>()}, the program gives {b[i].item<double>()}");
        }
    }
}
