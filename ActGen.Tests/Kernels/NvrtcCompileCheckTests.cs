using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ActGen.Cuda;
using ActGen.Experiments.Kernels;
using ActGen.Tests.Support;
using Xunit;

namespace ActGen.Tests.Kernels;

/// <summary>
/// <see cref="NvrtcCompileCheck"/>: its reading of PTX and of ptxas's report over listings written here (always run), and
/// the generated sources through a real NVRTC (where one is found: .ci/run fetches Debian's), each shortcoming it looks
/// for shown to be caught in a source or build that has it.
/// </summary>
public class NvrtcCompileCheckTests
{
    private const string Source = """
        extern "C" __global__ void k_forward_f32(const float* __restrict__ in, float* __restrict__ out, long long n)
        {
        }
        """;

    private const string Ptx = """
        .version 7.8
        .target sm_90
        .address_size 64

        	// .globl	k_forward_f32

        .visible .entry k_forward_f32(
        	.param .u64 k_forward_f32_param_0,
        	.param .u64 k_forward_f32_param_1,
        	.param .u64 k_forward_f32_param_2
        )
        {
        	.reg .pred 	%p<3>;
        	.reg .f32 	%f<9>;
        	ld.param.u64 	%rd1, [k_forward_f32_param_0];
        	@%p1 bra 	$L__BB0_2;
        	{
        	.reg .b32 %temp;
        	mov.b32 	%temp, 0;
        	}
        	ld.global.nc.v4.f32 	{%f1, %f2, %f3, %f4}, [%rd5];
        	fma.rn.f32 	%f5, %f1, %f2, %f3;
        	st.global.v4.f32 	[%rd6], {%f5, %f6, %f7, %f8};
        $L__BB0_2:
        	@!%p2 st.global.f32 	[%rd7], %f5;
        	ret;

        }
        """;

    private static NvrtcCompileResult Judged(string ptx, string source = Source, byte[]? cubin = null, string? log = null, bool draw = false) =>
        NvrtcCompileCheck.Judge("Test", "PTX compute_90", source, ptx, cubin, log, draw);

    private static byte[] Elf(params string[] names) => [.. "\u007fELF"u8, .. names.SelectMany(n => Encoding.ASCII.GetBytes(n + "\0"))];

    private static string Log(int registers, int spillStores) => $"""
        ptxas info    : Compiling entry function 'k_forward_f32' for 'sm_90'
        ptxas info    : Function properties for helper
        ptxas         .     64 bytes stack frame, 8 bytes spill stores, 8 bytes spill loads
        ptxas info    : Function properties for k_forward_f32
        ptxas         .     0 bytes stack frame, {spillStores} bytes spill stores, 0 bytes spill loads
        ptxas info    : Used {registers} registers, 384 bytes cmem[0]
        """;

    [Fact]
    public void AListingIsReadKernelByKernelWithItsParametersAndOpcodes()
    {
        var entry = Assert.Single(PtxListing.Entries(Ptx));
        Assert.Equal("k_forward_f32", entry.Name);
        Assert.Equal(["u64", "u64", "u64"], entry.Parameters);
        Assert.Equal(
            ["ld.param.u64", "bra", "mov.b32", "ld.global.nc.v4.f32", "fma.rn.f32", "st.global.v4.f32", "st.global.f32", "ret"],
            entry.Opcodes);
    }

    [Fact]
    public void PtxassReportIsReadPerKernelAndADeviceFunctionsFrameIsNotTheKernels()
    {
        var kernel = PtxasReport.Read(Log(40, 0))["k_forward_f32"];
        Assert.Equal(new PtxasResources(40, 0, 0, 0), kernel);
        Assert.False(kernel.Spills);
        Assert.True(PtxasReport.Read(Log(40, 4))["k_forward_f32"].Spills);
    }

    [Fact]
    public void AListingAsDeclaredWithVectorsAndIeeeArithmeticPasses()
    {
        var result = Judged(Ptx, cubin: Elf("k_forward_f32"), log: Log(40, 0));
        Assert.True(result.Compiles, string.Join("; ", result.Failures));
        Assert.Equal((1, 40, 0), (result.Kernels, result.MostRegisters, result.MostStackBytes));
    }

    [Theory]
    [InlineData("ld.global.nc.v4.f32", "ld.global.nc.f32", "no 16-byte load from global memory")]
    [InlineData("ld.global.nc.v4.f32", "ld.global.nc.v2.f32", "no 16-byte load from global memory")]
    [InlineData("st.global.v4.f32", "st.global.v2.f32", "no 16-byte store to global memory")]
    [InlineData(".param .u64 k_forward_f32_param_2", ".param .u32 k_forward_f32_param_2", "parameter 2 (long long n) is .u32 in the PTX, not .u64")]
    [InlineData("fma.rn.f32", "fma.rn.ftz.f32", "fast-math arithmetic (fma.rn.ftz.f32)")]
    [InlineData("fma.rn.f32", "div.approx.ftz.f32", "fast-math arithmetic (div.approx.ftz.f32)")]
    [InlineData("fma.rn.f32", "div.full.f32", "fast-math arithmetic (div.full.f32)")]
    [InlineData("fma.rn.f32", "sqrt.approx.f32", "fast-math arithmetic (sqrt.approx.f32)")]
    [InlineData(".entry k_forward_f32(", ".entry k_forward_f64(", "k_forward_f32 is declared but not in the PTX")]
    public void EachShortcomingOfAListingIsNamed(string part, string replacement, string failure)
    {
        var result = Judged(Ptx.Replace(part, replacement, StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.Contains(failure, StringComparison.Ordinal));
    }

    [Fact]
    public void TheMathLibrarysOwnApproximationsAreNotFastMath()
    {
        Assert.All(["ex2.approx.ftz.f32", "ex2.approx.f32", "div.approx.f32", "lg2.approx.f32", "rcp.approx.ftz.f64", "rcp.approx.ftz.f32", "div.rn.f32", "fma.rn.f64"],
            op => Assert.False(NvrtcCompileCheck.IsFastMath(op), op));
        Assert.All(["add.ftz.f32", "mul.rn.ftz.f32", "setp.lt.ftz.f32", "cvt.rn.ftz.f32.f64", "div.approx.ftz.f32", "div.full.f32", "sqrt.approx.f32"],
            op => Assert.True(NvrtcCompileCheck.IsFastMath(op), op));
    }

    [Fact]
    public void AKernelThatLoadsNothingNeedsNoVectorLoad()
    {
        var constant = Ptx.Replace("\tld.global.nc.v4.f32 \t{%f1, %f2, %f3, %f4}, [%rd5];\n", "", StringComparison.Ordinal);
        Assert.DoesNotContain("ld.global", constant);
        Assert.Empty(Judged(constant).Failures);
    }

    [Fact]
    public void AKernelMissingFromTheCubinSpillsOrAnImageThatIsNoElfIsNamed()
    {
        Assert.Contains("k_forward_f32 is not in the cubin", Judged(Ptx, cubin: Elf("other"), log: Log(40, 0)).Failures);
        Assert.Contains("the cubin is not an ELF image", Judged(Ptx, cubin: [.. "PTX "u8, .. Elf("k_forward_f32")[4..]], log: Log(40, 0)).Failures);
        Assert.Contains("k_forward_f32: spills registers (8 bytes stored, 0 loaded)", Judged(Ptx, cubin: Elf("k_forward_f32"), log: Log(40, 8)).Failures);
        Assert.Contains("k_forward_f32: ptxas did not report it", Judged(Ptx, cubin: Elf("k_forward_f32"), log: "").Failures);
    }

    [Fact]
    public void TheDrawNeedsNoVectorsButMustNotFuseItsMultiplyAndAdd()
    {
        Assert.Equal(["k_forward_f32: the draw's multiply and add may be fused (fma.rn.f32), unlike the CPU's"], Judged(Ptx, draw: true).Failures);
        Assert.Empty(Judged(Ptx.Replace("fma.rn.f32", "add.rn.f32", StringComparison.Ordinal), draw: true).Failures);
        Assert.NotEmpty(Judged(Ptx.Replace("fma.rn.f32", "add.f32", StringComparison.Ordinal), draw: true).Failures);
    }

    private static string CatalogSource(string name)
    {
        ActivationRegistry.EnsureCatalog();
        return ActivationRegistry.All.First(d => d.Owner == "ActGen.Activations" && d.Name == name).CudaSource!;
    }

    /// <summary>
    /// In a process of its own (this one's registry holds other tests' activations), NVRTC named as users name it; with
    /// every NVRTC the tests were given (.ci/run: 11.8 and 12.4).
    /// </summary>
    [NvrtcFact]
    public async System.Threading.Tasks.Task TheCommandCompilesEveryRegisteredActivationAndTheDraw()
    {
        foreach (var nvrtc in NvrtcFactAttribute.All)
        {
            var run = await ChildProcess.Dotnet(
                "actgen.dll", ["kernels", "--compile-cuda-with-nvrtc"],
                new Dictionary<string, string?> { [NvrtcSearch.Variable] = nvrtc.Library });
            Assert.True(run.Code == 0, run.ToString());
            var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToArray();
            Assert.Equal($"NVRTC {nvrtc.Version} ({nvrtc.Library}), sm_90", lines[0]);
            var activations = lines[1..^2];
            Assert.True(activations.Length == CatalogNames.All.Length + 2, run.Output);
            Assert.All(activations, l => Assert.Matches(@": ok \(\d+ kernels, cubin sm_90, at most \d+ registers, no spills\)$", l));
            Assert.StartsWith($"{DrawCheck.Name}: ok (2 kernels, cubin sm_90", lines[^2]);
            Assert.Equal($"{activations.Length}/{activations.Length} activations compile with NVRTC {nvrtc.Version} for sm_90", lines[^1]);
        }
    }

    [Fact]
    public void WithoutNvrtcTheCommandExitsTwoSayingWhy()
    {
        var (output, error) = (new System.IO.StringWriter(), new System.IO.StringWriter());
        Assert.Equal(2, KernelsCommand.CompileWithNvrtc(["/no/such/libnvrtc.so"], 90, output, error));
        Assert.Equal("", output.ToString());
        Assert.Contains("actgen kernels --compile-cuda-with-nvrtc: no usable NVRTC (/no/such/libnvrtc.so", error.ToString());
        Assert.Contains("set $ACTGEN_NVRTC to a libnvrtc.so", error.ToString());
    }

    [Fact]
    public async System.Threading.Tasks.Task AnArchitectureThatIsNoNumberIsRefusedByName()
    {
        var run = await ChildProcess.Dotnet("actgen.dll", ["kernels", "--compile-cuda-with-nvrtc", "--arch", "5"]);
        Assert.Equal(2, run.Code);
        Assert.Contains("--arch is a GPU architecture as a number like 90 (sm_90), not 5", run.Error);
    }

    [NvrtcFact]
    public void RandomGeneratedActivationsCompile()
    {
        var (_, source) = RandomActivations.Make("RandomNvrtc", 8, "0N0XIzNsQ0O2");
        var run = GeneratorHarness.Generate(source);
        Assert.Empty(run.GeneratorDiagnostics);
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(GeneratorHarness.Load(run).ManifestModule.ModuleHandle);
        var activations = ActivationRegistry.All.Where(d => d.Owner == "RandomNvrtc.Acts").ToList();
        Assert.Equal(8, activations.Count);
        Assert.All(activations.Select(d => NvrtcCompileCheck.Run(NvrtcFactAttribute.Nvrtc, d.Name, d.CudaSource!, 90)),
            r => Assert.True(r.Compiles, $"{r.Activation}: {string.Join("; ", r.Failures)}"));
    }

    /// <summary>The same source built as <c>--use_fast_math</c> would build it: caught, where the runtime's own build passes.</summary>
    [NvrtcFact]
    public void AFastMathBuildIsCaught()
    {
        var nvrtc = NvrtcFactAttribute.Nvrtc;
        var source = CatalogSource("GeluTanh");
        string Listing(params string[] options) =>
            Encoding.UTF8.GetString(nvrtc.Compile(source, "GeluTanh.cu", new CompileTarget(90, false), options).Image!).TrimEnd('\0');
        Assert.Empty(Judged(Listing(), source).Failures);
        Assert.Contains(Judged(Listing("--use_fast_math"), source).Failures, f => f.Contains("fast-math arithmetic", StringComparison.Ordinal));
    }

    [NvrtcFact]
    public void ADrawWhoseMultiplyAndAddNvrtcFusesIsCaught()
    {
        var fused = CounterUniformSource.Text.Replace("__dadd_rn(lower, __dmul_rn(width, u))", "lower + width * u", StringComparison.Ordinal);
        Assert.NotEqual(CounterUniformSource.Text, fused);
        var result = NvrtcCompileCheck.Run(NvrtcFactAttribute.Nvrtc, "draw", fused, 90, draw: true);
        Assert.Contains(result.Failures, f => f.StartsWith("actgen_counter_uniform_f64: the draw's multiply and add may be fused", StringComparison.Ordinal));
        Assert.True(NvrtcCompileCheck.Run(NvrtcFactAttribute.Nvrtc, "draw", CounterUniformSource.Text, 90, draw: true).Compiles);
    }

    [NvrtcFact]
    public void AKernelThatLostItsVectorLoopIsCaught()
    {
        var source = CatalogSource("Relu");
        var scalar = source.Replace("if (actgen_aligned16(in) && actgen_aligned16(out))", "if (false)", StringComparison.Ordinal);
        Assert.NotEqual(source, scalar);
        var result = NvrtcCompileCheck.Run(NvrtcFactAttribute.Nvrtc, "Relu", scalar, 90);
        Assert.Contains("actgen_ActGen__Activations__Relu_forward_f32: no 16-byte load from global memory", result.Failures);
    }

    [NvrtcFact]
    public void ASourceNvrtcRefusesIsReportedWithItsLog()
    {
        var result = NvrtcCompileCheck.Run(NvrtcFactAttribute.Nvrtc, "Broken", CatalogSource("Relu") + "\nint broken = ;\n", 90);
        var failure = Assert.Single(result.Failures);
        Assert.StartsWith("NVRTC refuses it: ", failure);
        Assert.Contains("Broken.cu", failure);
    }

    /// <summary>An architecture newer than NVRTC knows gets PTX for the newest it knows, as the runtime builds it.</summary>
    [NvrtcFact]
    public void AnArchitectureNvrtcDoesNotKnowGetsPtx()
    {
        var result = NvrtcCompileCheck.Run(NvrtcFactAttribute.Nvrtc, "Relu", CatalogSource("Relu"), 999);
        Assert.True(result.Compiles, string.Join("; ", result.Failures));
        Assert.StartsWith("PTX compute_", result.Image);
        Assert.Null(result.MostRegisters);
    }
}
