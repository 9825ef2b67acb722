using System;
using System.IO;
using System.Linq;
using ActGen.Cuda;
using ActGen.Experiments.Kernels;
using ActGen.Tests.Support;
using Xunit;

namespace ActGen.Tests.Kernels;

/// <summary>
/// The generated CUDA C++ of every catalog activation, the experiments' own and random generated ones, compiled with the
/// host C++ compiler and run on the CPU, matches the generated C# kernels; and a wrong kernel is caught.
/// </summary>
public class CudaHostCheckTests
{
    private static string Directory() => Path.Combine(Path.GetTempPath(), "actgen-cuda-host-" + Guid.NewGuid().ToString("N")[..8]);

    private static (ActivationDefinition, string)[] Registered(Func<ActivationDefinition, bool> which)
    {
        ActivationRegistry.EnsureCatalog();
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(
            typeof(ActGen.Experiments.Activations.ExtraActivations).Module.ModuleHandle);
        return ActivationRegistry.All
            .Where(which)
            .Select(d => (d, d.CudaSource ?? throw new InvalidOperationException($"{d.Name} has no CUDA source")))
            .ToArray();
    }

    [Fact]
    public void EveryCatalogAndExperimentsActivationMatches()
    {
        var activations = Registered(d => d.Owner is "ActGen.Activations" or "ActGen.Experiments.Activations.ExtraActivations");
        Assert.Equal(CatalogNames.All.Length + 2, activations.Length);
        var results = CudaHostCheck.Run(activations, Directory());
        Assert.All(results, r => Assert.True(r.Matches, $"{r.Activation}: {string.Join("; ", r.Failures)}"));
    }

    [Fact]
    public void RandomGeneratedActivationsMatch()
    {
        var (_, source) = RandomActivations.Make("RandomCuda", 16, "0N0XIzNsQ0O2");
        var run = GeneratorHarness.Generate(source);
        Assert.Empty(run.GeneratorDiagnostics);
        var assembly = GeneratorHarness.Load(run);
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        var activations = Registered(d => d.Owner == "RandomCuda.Acts");
        Assert.Equal(16, activations.Length);
        var results = CudaHostCheck.Run(activations, Directory());
        Assert.All(results, r => Assert.True(r.Matches, $"{r.Activation}: {string.Join("; ", r.Failures)}"));
    }

    /// <summary>In a process of its own: this one's registry also holds the other tests' activations.</summary>
    [Fact]
    public async System.Threading.Tasks.Task TheCommandChecksEveryRegisteredActivationAndSaysHowManyMatch()
    {
        var run = await ChildProcess.Dotnet("actgen.dll", ["kernels", "--check-cuda-on-host"]);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(run.Code == 0, run.ToString());
        var checkedLines = lines[..^2];
        Assert.True(checkedLines.Length == CatalogNames.All.Length + 2, run.Output);
        Assert.All(checkedLines, l => Assert.EndsWith(": ok", l.Trim()));
        Assert.Equal($"{CudaHostDraw.Name}: ok", lines[^2].Trim());
        Assert.Equal($"{checkedLines.Length}/{checkedLines.Length} activations match", lines[^1].Trim());
    }

    /// <summary>The GPU's draw of randomized parameters is the CPU's, bit for bit, for every seed and bounds tried.</summary>
    [Fact]
    public void TheCudaDrawIsTheCpusDraw()
    {
        var result = CudaHostDraw.Run(Directory());
        Assert.True(result.Matches, string.Join("\n", result.Failures));
    }

    /// <summary>
    /// A draw that differs from the CPU's anywhere is caught: one bit fewer for float, the other golden step for double, and
    /// a multiply-add fused (rounded once, as NVRTC would contract it without the explicit intrinsics).
    /// </summary>
    [Theory]
    [InlineData(">> 40", ">> 39", "f32 ")]
    [InlineData("(unsigned long long)i * 0x9E3779B97F4A7C15ull", "(unsigned long long)(i + 1) * 0x9E3779B97F4A7C15ull", "f64 ")]
    [InlineData("__dadd_rn(lower, __dmul_rn(width, u))", "std::fma(width, u, lower)", "f64 ")]
    [InlineData("__fadd_rn(low, __fmul_rn(width, u))", "std::fma(width, u, low)", "f32 ")]
    public void ADrawThatIsNotTheCpusIsCaught(string right, string wrong, string kind)
    {
        Assert.Contains(right, CounterUniformSource.Text, StringComparison.Ordinal);
        var result = CudaHostDraw.Run(Directory(), CounterUniformSource.Text.Replace(right, wrong, StringComparison.Ordinal));
        Assert.False(result.Matches);
        Assert.Contains(result.Failures, f => f.StartsWith(kind, StringComparison.Ordinal));
    }

    [Fact]
    public void AWrongKernelIsCaught()
    {
        var (sigmoid, source) = Registered(d => d.Owner == "ActGen.Activations" && d.Name == "Sigmoid").Single();
        var wrong = source.Replace("T(1) / (T(1) + exp(-x))", "T(1) / (T(1.001) + exp(-x))");
        Assert.NotEqual(source, wrong);
        var result = Assert.Single(CudaHostCheck.Run([(sigmoid, wrong)], Directory()));
        Assert.False(result.Matches);
        Assert.Contains(result.Failures, f => f.StartsWith("forward_f64", StringComparison.Ordinal));
    }

    /// <summary>Aligned buffers take the 16-byte vector loop, shifted ones the scalar loop: a fault in one lane shows only there.</summary>
    [Fact]
    public void BothTheVectorAndTheScalarLoopRun()
    {
        var (relu, source) = Registered(d => d.Owner == "ActGen.Activations" && d.Name == "Relu").Single();
        var first = source.IndexOf("result.y = ", StringComparison.Ordinal);
        var wrong = source[..first] + "result.y = 1 + " + source[(first + "result.y = ".Length)..];
        var failures = Assert.Single(CudaHostCheck.Run([(relu, wrong)], Directory())).Failures;
        Assert.Contains(failures, f => f.StartsWith("forward_f32 (one value, shift 0)", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("shift 1", StringComparison.Ordinal));
    }

    /// <summary>float16 and bfloat16 take a vector loop too (eight to 16 bytes): a fault in its last lane shows only there.</summary>
    [Theory]
    [InlineData("f16")]
    [InlineData("bf16")]
    public void BothLoopsOfTheHalfWidthKernelsRun(string suffix)
    {
        var (relu, source) = Registered(d => d.Owner == "ActGen.Activations" && d.Name == "Relu").Single();
        var kernel = source.IndexOf($"_forward_{suffix}(", StringComparison.Ordinal);
        var lane = source.IndexOf("result.h[7] = ", kernel, StringComparison.Ordinal);
        var wrong = source[..lane] + "result.h[7] = 1 + " + source[(lane + "result.h[7] = ".Length)..];
        var failures = Assert.Single(CudaHostCheck.Run([(relu, wrong)], Directory())).Failures;
        Assert.Contains(failures, f => f.StartsWith($"forward_{suffix} (one value, shift 0)", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("shift 1", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.StartsWith($"forward_{suffix} ", f, StringComparison.Ordinal));
    }

    /// <summary>
    /// Per-channel values differ from channel to channel: a kernel that reads a per-channel parameter as if it were one
    /// per element is caught there, and only there.
    /// </summary>
    [Fact]
    public void AWrongPerChannelIndexIsCaught()
    {
        var (prelu, source) = Registered(d => d.Owner == "ActGen.Activations" && d.Name == "PRelu").Single();
        var wrong = source.Replace("(i / inner) % channels", "i % channels", StringComparison.Ordinal);
        Assert.NotEqual(source, wrong);
        var failures = Assert.Single(CudaHostCheck.Run([(prelu, wrong)], Directory())).Failures;
        Assert.Contains(failures, f => f.StartsWith("forward_f64 (per channel, shift 0)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("backward_f32 (per channel, shift 1)", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.Contains("(per channel,", f, StringComparison.Ordinal));
    }

    /// <summary>The second-order kernels are checked too: one that is off by 0.1 % is caught, and nothing else fails.</summary>
    [Fact]
    public void AWrongSecondOrderKernelIsCaught()
    {
        var (elu, source) = Registered(d => d.Owner == "ActGen.Activations" && d.Name == "Elu").Single();
        var element = source.IndexOf("T second_x_x(", StringComparison.Ordinal);
        var body = source.IndexOf("return ", element, StringComparison.Ordinal);
        Assert.True(element > 0 && body > element);
        var wrong = source[..body] + "return T(1.001) * " + source[(body + "return ".Length)..];
        var failures = Assert.Single(CudaHostCheck.Run([(elu, wrong)], Directory())).Failures;
        Assert.Contains(failures, f => f.StartsWith("second_x_x_f64 (one value, shift 0)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("second_x_x_f32 (one value, shift 1)", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.StartsWith("second_x_x_", f, StringComparison.Ordinal));
    }

    /// <summary>
    /// float16 and bfloat16 kernels are also compared, exactly, with the float kernel's results rounded to nearest even
    /// (System.Half, and arithmetic for bfloat16): one that truncates instead is caught, in those kernels only.
    /// </summary>
    [Theory]
    [InlineData("(r + 0xfffu + ((r >> 13) & 1u)) >> 13", "r >> 13", "_f16 ")]
    [InlineData("(x + 0x7fffu + ((x >> 16) & 1u)) >> 16", "x >> 16", "_bf16 ")]
    public void AHalfWidthKernelThatTruncatesIsCaught(string rounding, string truncation, string kind)
    {
        var (sigmoid, source) = Registered(d => d.Owner == "ActGen.Activations" && d.Name == "Sigmoid").Single();
        var wrong = source.Replace(rounding, truncation, StringComparison.Ordinal);
        Assert.NotEqual(source, wrong);
        var failures = Assert.Single(CudaHostCheck.Run([(sigmoid, wrong)], Directory())).Failures;
        Assert.Contains(failures, f => f.StartsWith("forward" + kind, StringComparison.Ordinal) && f.Contains("against forward_f32"));
        Assert.All(failures, f => Assert.Contains(kind, f, StringComparison.Ordinal));
    }
}
