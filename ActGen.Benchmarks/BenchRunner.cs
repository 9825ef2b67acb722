using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>
/// Runs a bench in one process: copy bandwidth per size, then per size and activation both phases of every
/// implementation, interleaved, with the bare span kernel alongside; per-call overhead at a tiny n; and the memory
/// kept for backward (first, while glibc still unmaps big blocks).
/// </summary>
public static class BenchRunner
{
    public static BenchResult Run(BenchOptions options, TextWriter log)
    {
        TorchSetup.EnsureLoaded();
        ActivationRegistry.EnsureCatalog();
        var clock = Stopwatch.StartNew();
        var cases = options.Activations.Select(a => BenchCatalog.Find(a) ?? throw new ArgumentException($"unknown bench activation '{a}'")).ToArray();
        var sentinel = new Sentinel();
        sentinel.Calibrate();
        var cpu = CpuDescription.Current();
        log.WriteLine($"device {options.Device.Name}; cpu {cpu}; sentinel baseline {sentinel.Baseline * 1e3:F1} µs; torch threads {get_num_threads()}; GOMP_SPINCOUNT {TorchSetup.OpenMpSpinCount ?? "unset"}");
        if (Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") != "0")
            log.WriteLine("note: tiered JIT is on; the bench warms up, but DOTNET_TieredCompilation=0 rules out tier-0 kernels");

        var failures = new List<Failure>();
        var working = options.Dtypes.ToDictionary(d => d, d => cases.ToDictionary(c => c.Name, c =>
        {
            var (ok, failed) = ImplProbe.Split(c, c.Implementations(d), d, options.Device);
            failures.AddRange(failed);
            return ok;
        }));
        foreach (var f in failures) log.WriteLine($"not timed: {f.Activation} {f.Dtype} {f.Impl}: {f.Message}");

        // The memory kept for backward is measured in the process's heap: CPU only.
        var memory = options.Kernels && options.Memory && Heap.IsGlibc && options.Device.IsCpu
            ? SavedMemory.Measure(cases.Select(c => (c, Impls: working.GetValueOrDefault(ScalarType.Float32)?[c.Name] ?? c.Implementations(ScalarType.Float32))), SavedMemory.DefaultN, ScalarType.Float32)
            : [];
        var warm = options.WarmHeap && Heap.KeepFreedMemory();
        var rows = new List<DetailRow>();
        var bandwidths = new List<Bandwidth>();
        var overheads = new List<OverheadRow>();
        var (retries, slowRounds) = (0, 0);
        foreach (var dtype in options.Kernels ? options.Dtypes : [])
        {
            var impls = working[dtype];
            foreach (var c in cases) WarmUp(c, impls[c.Name], dtype, options.Device);
            foreach (var n in options.Sizes)
            {
                var bandwidth = Bandwidth.Measure(n, dtype, sentinel, options);
                bandwidths.Add(bandwidth);
                log.WriteLine($"{DtypeName.Of(dtype)} n=2^{Math.Log2(n):F0}: copy {bandwidth.BestGBps:F1} GB/s");
                foreach (var c in cases)
                {
                    var measured = MeasureCase(c, impls[c.Name], n, dtype, sentinel, options, bandwidth);
                    retries += measured.Max(r => r.Retries);
                    slowRounds += measured.Max(r => r.SlowRounds);
                    rows.AddRange(measured);
                    log.WriteLine($"  {c.Name,-12} " + string.Join("  ", measured.Select(r => $"{Short(r.Row)} {r.Row.MedianMs:G3}")));
                }
            }

            if (options.OverheadSize > 0)
            {
                overheads.AddRange(cases.SelectMany(c => MeasureCase(c, [.. impls[c.Name], NoOpFunction.Impl], options.OverheadSize, dtype, sentinel, options, null)
                    .Select(r => new OverheadRow(r.Row.Activation, r.Row.N, r.Row.Dtype, r.Row.Impl, r.Row.Phase, r.Row.MedianMs * 1e3))));
            }
        }

        if (options.Step is not null && !options.Device.IsCpu) log.WriteLine("step: not timed on CUDA (the step benchmark runs on the CPU only)");
        var steps = options.Step is { } settings && options.Device.IsCpu
            ? StepBench.Measure(cases.Select(StepCase.Of).OfType<StepCase>(), settings, sentinel, options,
                r => log.WriteLine($"step {r.Activation,-12} {r.Impl,-15} {r.MedianMs:G3} ms"))
            : [];
        // Every row of a step case carries its case's counts: one per case.
        foreach (var g in steps.GroupBy(s => s.Activation)) (retries, slowRounds) = (retries + g.First().Retries, slowRounds + g.First().SlowRounds);
        var info = new RunInfo(options.Device.Name, warm, get_num_threads(), Environment.ProcessorCount, sentinel.Baseline, retries, slowRounds, clock.Elapsed.TotalSeconds,
            Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") is "0" ? "off (DOTNET_TieredCompilation=0)" : "on (warmed up)",
            $"one process; implementations interleaved per round; a round retried (up to {options.MaxRetries} times) when the sentinel exceeds 1.5× its baseline",
            cpu);
        return new BenchResult(rows, bandwidths, memory, overheads, failures, info) { Steps = steps };
    }

    private static string Short(BenchRow r) =>
        (r.Impl switch { ImplName.ActGen => "ag", ImplName.Builtin => "tb", ImplName.Composed => "tc", _ => "sp" }) +
        (r.Phase == Phase.Forward ? "F" : "FB");

    /// <summary>Runs every call path often enough, with a pause, that tiered JIT has promoted the kernels before timing.</summary>
    private static void WarmUp(BenchCase c, IReadOnlyList<Impl> impls, ScalarType dtype, BenchDevice device)
    {
        using var scope = NewDisposeScope();
        // Both code paths of the kernels: one chunk (2^12) and the parallel split (2^16).
        var calls = new[] { 1L << 12, 1L << 16 }.SelectMany(n =>
        {
            var x = randn(n, dtype: dtype, device: device.Device).requires_grad_(true);
            return Calls(c, impls, x, randn(n, dtype: dtype, device: device.Device));
        }).Select(s => s.Call).ToArray();
        for (var pass = 0; pass < 4; pass++)
        {
            foreach (var call in calls)
                for (var i = 0; i < 35; i++) call();
            device.Synchronize?.Invoke();
            System.Threading.Thread.Sleep(150);
        }
    }

    private static IEnumerable<Subject> Calls(BenchCase c, IReadOnlyList<Impl> impls, Tensor x, Tensor gy) =>
        Phase.All.SelectMany(phase => Subjects(c, impls, phase, x, gy));

    private static IReadOnlyList<Subject> Subjects(BenchCase c, IReadOnlyList<Impl> impls, string phase, Tensor x, Tensor gy)
    {
        var subjects = impls.Select(i => new Subject(i.Name, Phase.Call(phase, i, x, gy))).ToList();
        if (c.Registry is { } name && x.device_type == TorchSharp.DeviceType.CPU)
            subjects.Add(new Subject(ImplName.Span, SpanKernel.Call(phase, ActivationRegistry.Get(name), c.Parameters, x, gy)));
        return subjects;
    }

    private static IReadOnlyList<DetailRow> MeasureCase(
        BenchCase c, IReadOnlyList<Impl> impls, long n, ScalarType dtype, Sentinel sentinel, BenchOptions options, Bandwidth? bandwidth)
    {
        using var scope = NewDisposeScope();
        var x = randn(n, dtype: dtype, device: options.Device.Device).requires_grad_(true);
        var gy = randn(n, dtype: dtype, device: options.Device.Device);
        var size = (int)x.element_size();
        var result = new List<DetailRow>();
        foreach (var phase in Phase.All)
        {
            var timed = Interleaved.Measure(
                Subjects(c, impls, phase, x, gy), sentinel, options.Reps, options.MaxRetries, options.MinSampleMs, options.Device.Synchronize);
            var bytes = Phase.Bytes(phase, n, size);
            result.AddRange(timed.Select(t => new DetailRow(
                new BenchRow(c.Name, n, DtypeName.Of(dtype), t.Name, phase, t.MedianMs, bytes / (t.MedianMs * 1e-3) / 1e9),
                t.MinMs, t.CallsPerSample, t.Samples, t.Retries, t.WorstSentinel, t.SlowRounds, bandwidth?.BoundMs(bytes) ?? double.NaN)));
        }

        return result;
    }
}
