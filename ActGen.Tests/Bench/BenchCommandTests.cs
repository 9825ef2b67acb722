using System;
using System.Globalization;
using System.IO;
using System.Linq;
using ActGen.Benchmarks;
using Xunit;

namespace ActGen.Tests.Bench;

/// <summary>
/// `actgen-bench` (ActGen.Benchmarks) on a tiny configuration writes well-formed files. Never a timing assertion: only columns,
/// the allowed impl/phase values and positive, finite numbers. Run alone: the bench times in-process work beside
/// whatever else the process runs, and it once failed while other tests ran beside it (message not captured).
/// </summary>
[Collection(Alone.Name)]
public sealed class BenchCommandTests : IDisposable
{
    private static readonly string[] Impls = ["actgen", "torch-builtin", "torch-composed"];
    private static readonly string[] Phases = ["forward", "forward+backward"];

    private readonly string dir = Path.Combine(Path.GetTempPath(), "actgen-bench-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void TinyBenchWritesPinnedCsvMarkdownAndPlots()
    {
        var (code, output, error) = Run(
            "--activations", "relu,swish", "--sizes", "10,13", "--dtypes", "float32", "--reps", "2",
            "--no-memory", "--default-heap", "--device", "cpu", "--out", dir);
        Assert.True(code == 0, error + output);

        var lines = File.ReadAllLines(Path.Combine(dir, "bench.csv"));
        Assert.Equal("activation,n,dtype,impl,phase,median_ms,gbps", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.All(rows, r =>
        {
            Assert.Equal(7, r.Length);
            Assert.Contains(r[0], new[] { "relu", "swish" });
            Assert.Contains(long.Parse(r[1], CultureInfo.InvariantCulture), new[] { 1L << 10, 1L << 13 });
            Assert.Equal("float32", r[2]);
            Assert.Contains(r[3], Impls);
            Assert.Contains(r[4], Phases);
            Assert.All(r[5..], v => Assert.True(double.Parse(v, CultureInfo.InvariantCulture) is > 0 and < double.PositiveInfinity, v));
        });

        // Every size and phase of relu has all three implementations; swish has no builtin.
        Assert.Equal(2 * 2 * 3, rows.Count(r => r[0] == "relu"));
        Assert.Equal(2 * 2 * 2, rows.Count(r => r[0] == "swish"));
        Assert.DoesNotContain(rows, r => r[0] == "swish" && r[3] == "torch-builtin");

        var details = File.ReadAllLines(Path.Combine(dir, "bench-details.csv"));
        Assert.StartsWith("activation,n,dtype,impl,phase,median_ms,gbps,", details[0]);
        Assert.Contains(details, l => l.Contains(",actgen-span,", StringComparison.Ordinal));
        Assert.True(File.ReadAllLines(Path.Combine(dir, "bandwidth.csv")).Length == 3);
        Assert.Contains("| relu |", File.ReadAllText(Path.Combine(dir, "bench.md")));
        Assert.Contains("device cpu; cpu ", File.ReadAllText(Path.Combine(dir, "bench.md")));
        Assert.Contains("Vector<T> ", File.ReadAllText(Path.Combine(dir, "bench.md")));
        Assert.Contains("## Targets (from this run's numbers)", File.ReadAllText(Path.Combine(dir, "bench.md")));
        Assert.Equal("target,activation,met,cases,met_cases,worst,worst_at", File.ReadAllLines(Path.Combine(dir, "targets.csv"))[0]);
        // The generator's own cost: 100 activations, lowered all on a first run, none after an unrelated edit, one after an edit of the last body in a file.
        var generator = File.ReadAllLines(Path.Combine(dir, "generator.csv"));
        Assert.Equal("scenario,activations,median_ms,min_ms,regenerated", generator[0]);
        Assert.Equal(["first run,100", "unrelated edit,100", "last body edit in a file,100"], generator.Skip(1).Select(l => string.Join(",", l.Split(',')[..2])));
        Assert.Equal(["100", "0", "1"], generator.Skip(1).Select(l => l.Split(',')[4]));

        // The training step: one row per implementation of each activation; swish has no builtin.
        var step = File.ReadAllLines(Path.Combine(dir, "step.csv"));
        Assert.Equal("activation,impl,depth,width,batch,median_ms,min_ms,samples,retries,worst_sentinel,slow_rounds", step[0]);
        var steps = step.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(["relu,actgen", "relu,actgen-linear", "relu,torch-builtin", "relu,torch-composed",
            "swish,actgen", "swish,actgen-linear", "swish,torch-composed"],
            steps.Select(r => r[0] + "," + r[1]).Order(StringComparer.Ordinal));
        Assert.All(steps, r =>
        {
            Assert.Equal(["16", "64", "64"], r[2..5]);
            Assert.All(r[5..7], v => Assert.True(double.Parse(v, CultureInfo.InvariantCulture) is > 0 and < double.PositiveInfinity, v));
            Assert.Equal("2", r[7]);
        });
        Assert.Contains("## Training step (16 hidden layers of 64, batch 64, SGD", File.ReadAllText(Path.Combine(dir, "bench.md")));

        var svg = File.ReadAllText(Path.Combine(dir, "plot-forward-backward-float32.svg"));
        Assert.StartsWith("<svg", svg);
        Assert.Contains("<polyline", svg);
    }

    [Theory]
    [InlineData("--activations", "nosuch")]
    [InlineData("--sizes", "x")]
    [InlineData("--dtypes", "int8")]
    [InlineData("--device", "tpu")]
    [InlineData("--max-retries", "-1")]
    public void BadArgumentsFailWithAMessage(string option, string value)
    {
        var (code, _, error) = Run(option, value, "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains(option, error);
        Assert.False(Directory.Exists(dir));
    }

    /// <summary>The CUDA device is taken only where torch sees one; the CPU always; anything else names the argument.</summary>
    [Fact]
    public void DeviceIsCheckedAgainstTheMachine()
    {
        Assert.Equal(BenchDevice.Cuda, BenchDevice.Parse("cuda", cudaAvailable: true).Device);
        Assert.Equal(BenchDevice.Cpu, BenchDevice.Parse("CPU", cudaAvailable: false).Device);
        var (none, message) = BenchDevice.Parse("cuda", cudaAvailable: false);
        Assert.Null(none);
        Assert.Contains("--device cuda: this machine has no CUDA device", message);
        Assert.NotNull(BenchDevice.Cuda.Synchronize);
        Assert.Null(BenchDevice.Cpu.Synchronize);
    }

    /// <summary>The report names the processor and the vector widths its kernels ran with (hosts of one kind differ).</summary>
    [Fact]
    public void CpuIsDescribedFromCpuinfoAndTheVectorWidths()
    {
        Assert.Equal("AMD EPYC 9654", CpuDescription.ModelName("processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 9654\nflags\t: fpu\n"));
        Assert.Null(CpuDescription.ModelName("processor\t: 0\n"));
        Assert.Null(CpuDescription.ModelName(null));
        Assert.Equal("AMD EPYC; Vector<T> 256 bits; AVX2 yes, AVX-512F no, Vector512 accelerated no",
            CpuDescription.Describe("AMD EPYC", 256, avx2: true, avx512F: false, vector512: false));
        Assert.StartsWith("unknown processor;", CpuDescription.Describe(null, 128, false, false, false));
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = BenchCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
