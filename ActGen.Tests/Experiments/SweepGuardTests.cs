using System;
using System.IO;
using System.Linq;
using System.Threading;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Results;
using ActGen.Experiments.Training;
using Xunit;

namespace ActGen.Tests.Experiments;

/// <summary>A hostile user's sweeps: bad --out folders, two sweeps at once, another experiment in the same folder, cut files, Ctrl-C.</summary>
public sealed class SweepGuardTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actgen-guard-").FullName;

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
            foreach (var d in Directory.GetDirectories(_dir, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(d, (UnixFileMode)0b111_111_111);
        Directory.Delete(_dir, recursive: true);
    }

    private static SweepOptions Options(string outDir, string? noise = null) => SweepOptionsParser.Parse(new RawSweepArgs(
        Activations: "relu,tanh", Init: "he-normal", Depths: "1,3", Width: "8", Steps: "4", LogEvery: "2",
        Batch: "32", Out: outDir, Noise: noise), ActivationCatalog.Names()).Value!;

    private static (int Code, string Output, string Error) Sweep(SweepOptions options, CancellationToken cancel = default, TextWriter? output = null)
    {
        output ??= new StringWriter();
        var error = new StringWriter();
        var code = SweepRunner.FromRegistry.Run(options, output, error, cancel);
        return (code, output.ToString()!, error.ToString());
    }

    [Fact]
    public void AnOutThatIsAFileOrUnderAFileOrUnwritableIsRefusedBeforeAnyWorkInOneLine()
    {
        var file = Path.Combine(_dir, "a-file");
        File.WriteAllText(file, "x");
        var cases = new[]
        {
            (file, "this is a file, not a folder"),
            (Path.Combine(file, "sub", "dir"), $"'{file}' is a file, so no folder can be made under it"),
            ("/proc/self", "cannot write into this folder"),   // not writable even for root
        };
        foreach (var (path, message) in cases)
        {
            var (code, output, error) = Sweep(Options(path));
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Single(error.TrimEnd('\n').Split('\n'));
            Assert.StartsWith($"--out {path}: {message}", error);
        }
        if (!OperatingSystem.IsWindows() && Environment.UserName != "root")
        {
            var readOnly = Directory.CreateDirectory(Path.Combine(_dir, "ro")).FullName;
            File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            Assert.StartsWith($"--out {readOnly}: cannot write into this folder", Sweep(Options(readOnly)).Error);
        }
        Assert.Equal("x", File.ReadAllText(file));
    }

    /// <summary>`--device cuda` runs on CUDA where torch sees a device; elsewhere (this machine, CI) it is refused in one line, before any run.</summary>
    [Fact]
    public void DeviceCudaRunsOnCudaOrIsRefusedInOneLine()
    {
        var outDir = Path.Combine(_dir, "cuda");
        var (code, _, error) = Sweep(Options(outDir) with { Device = DeviceKind.Cuda });
        if (TorchSharp.torch.cuda.is_available())
        {
            Assert.True(code == 0, error);
            return;
        }

        Assert.Equal(3, code);
        Assert.Equal("--device cuda: CUDA is not available here. Valid choices: auto, cpu.", error.TrimEnd('\n'));
        Assert.False(Directory.Exists(Path.Combine(outDir, "runs")));
    }

    [Fact]
    public void ASecondSweepIntoAFolderInUseIsRefusedAndAStaleLockFileIsNot()
    {
        var (held, _) = OutLock.Acquire(_dir, shard: null);
        using (held)
        {
            var (code, _, error) = Sweep(Options(_dir));
            Assert.Equal(5, code);
            Assert.Contains("another sweep or shard is writing this folder", error);
            Assert.False(Directory.Exists(Path.Combine(_dir, "runs")));
            Assert.NotNull(OutLock.Acquire(_dir, new Shard(0, 2)).Problem);
        }
        // Two shards share the folder; the same shard twice does not.
        var (a, _) = OutLock.Acquire(_dir, new Shard(0, 2));
        var (b, _) = OutLock.Acquire(_dir, new Shard(1, 2));
        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Contains("shard 0/2 is already running", OutLock.Acquire(_dir, new Shard(0, 2)).Problem);
        Assert.Contains("another sweep or shard is writing", OutLock.Acquire(_dir, null).Problem);
        a!.Dispose();
        b!.Dispose();
        Assert.True(File.Exists(Path.Combine(_dir, ".lock")));   // left behind, as a killed sweep leaves it: it does not block
        Assert.Equal(0, Sweep(Options(_dir)).Code);
    }

    [Fact]
    public void AnotherExperimentInAFolderIsRefusedNamingTheSettingAndACutRunIsRedone()
    {
        Assert.Equal(0, Sweep(Options(_dir)).Code);
        var (code, _, error) = Sweep(Options(_dir, noise: "0.2"));
        Assert.Equal(2, code);
        Assert.Contains($"--out {_dir}: it holds runs made with noise = 0.1", error);
        Assert.Contains("this sweep has noise = 0.2 (--noise). Give another --out", error);

        var results = Directory.GetFiles(Path.Combine(_dir, "runs"), "tanh_*_d3_*.results.csv").Single();
        var text = File.ReadAllText(results);
        File.WriteAllText(results, text[..(text.Length / 2)]);
        var rerun = Sweep(Options(_dir));
        Assert.Equal(0, rerun.Code);
        Assert.Contains("1 runs done, 3 already there; 4 runs", rerun.Output);
        Assert.Equal(text, File.ReadAllText(results));
    }

    [Fact]
    public void CancellingKeepsTheFinishedRunsAndSaysSo()
    {
        using var cancel = new CancellationTokenSource();
        var output = new CancelAfterFirstLine(cancel);
        var (code, text, _) = Sweep(Options(_dir), cancel.Token, output);
        Assert.Equal(130, code);
        Assert.Contains($"Interrupted: 1 finished runs are kept in {_dir} (1 from this session)", text);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(_dir, "summary.csv")).Length);
        Assert.Contains("1 of 4 runs already in", Sweep(Options(_dir)).Output);
    }

    /// <summary>Cancels once the first run's progress line is written (the run is saved by then).</summary>
    private sealed class CancelAfterFirstLine(CancellationTokenSource cancel) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith("[1/", StringComparison.Ordinal) == true) cancel.Cancel();
        }
    }
}
