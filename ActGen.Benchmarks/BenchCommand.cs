using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Results;

namespace ActGen.Benchmarks;

/// <summary>
/// The <c>actgen-bench</c> command line: times actgen against TorchSharp's builtins, composed ops and the copy bound,
/// and the main job's training step (<see cref="StepBench"/>).
/// </summary>
public static class BenchCommand
{
    private const int GeneratorActivations = 100;

    /// <summary>Parses <paramref name="args"/> and runs the bench; returns the exit code (2 on bad arguments).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        Create(output, error).Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });

    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var quick = new Option<bool>("--quick") { Description = $"a short run: {string.Join(",", BenchOptions.QuickActivations)}, n = 2^12,2^16,2^20,2^22, float32, 5 samples" };
        var outDir = new Option<string>("--out") { Description = "output folder (default: bench)" };
        var activations = new Option<string>("--activations") { Description = $"comma-separated: {string.Join(",", BenchCatalog.Names)} (or all)" };
        var sizes = new Option<string>("--sizes") { Description = $"log2 of n: {IntList.Syntax} (e.g. 12-24:2)" };
        var dtypes = new Option<string>("--dtypes") { Description = "float32, float64 or both (comma-separated)" };
        var reps = new Option<int?>("--reps") { Description = "samples per measurement (median reported)" };
        var noMemory = new Option<bool>("--no-memory") { Description = "skip measuring the memory kept for backward (2^24 floats)" };
        var noGenerator = new Option<bool>("--no-generator") { Description = $"skip timing the generator on a compilation of {GeneratorActivations} activations" };
        var defaultHeap = new Option<bool>("--default-heap") { Description = "leave glibc's allocator as it is (every big tensor is a fresh mmap with page faults)" };
        var noKernels = new Option<bool>("--no-kernels") { Description = "skip the per-activation kernel timings (bench.csv stays a header)" };
        var device = new Option<string>("--device") { Description = "where the tensors live: cpu (default) or cuda" };
        var maxRetries = new Option<int?>("--max-retries") { Description = "re-takes of a round the sentinel calls slow (then kept and counted as slow)" };
        var noStep = new Option<bool>("--no-step") { Description = "skip the main job's training step (step.csv)" };
        var command = new RootCommand(
            "Time actgen's autograd functions and span kernels against TorchSharp's builtins, composed ops and the copy-bandwidth bound, " +
            "and one SGD step of the default sweep's MLP with each implementation's module.")
        {
            quick, outDir, activations, sizes, dtypes, reps, maxRetries, noMemory, noGenerator, defaultHeap, noKernels, noStep, device,
        };
        command.SetAction(result =>
        {
            var dir = result.GetValue(outDir) ?? "bench";
            var options = result.GetValue(quick) ? BenchOptions.Quick(dir) : BenchOptions.Full(dir);
            var errors = new List<string>();
            if (result.GetValue(activations) is { } a)
            {
                var names = a.Trim() == "all" ? BenchCatalog.Names.ToArray() : a.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                errors.AddRange(names.Where(n => BenchCatalog.Find(n) is null).Select(n => $"--activations: unknown '{n}' (known: {string.Join(", ", BenchCatalog.Names)})"));
                options = options with { Activations = names.Select(n => BenchCatalog.Find(n)?.Name ?? n).ToArray() };
            }

            if (result.GetValue(sizes) is { } s)
            {
                var exponents = IntList.TryParse(s);
                if (exponents is null || exponents.Any(e => e is < 0 or > 28)) errors.Add($"--sizes: expected log2 sizes 0–28 as {IntList.Syntax}");
                else options = options with { Sizes = exponents.Select(e => 1L << e).ToArray() };
            }

            if (result.GetValue(dtypes) is { } d)
            {
                var parsed = d.Split(',', StringSplitOptions.TrimEntries).Select(DtypeName.Parse).ToArray();
                if (parsed.Any(p => p is null)) errors.Add("--dtypes: expected float32 and/or float64");
                else options = options with { Dtypes = parsed.Select(p => p!.Value).Distinct().ToArray() };
            }

            if (result.GetValue(reps) is { } r)
            {
                if (r < 1) errors.Add("--reps: at least 1");
                else options = options with { Reps = r };
            }

            if (result.GetValue(maxRetries) is { } m)
            {
                if (m < 0) errors.Add("--max-retries: at least 0");
                else options = options with { MaxRetries = m };
            }

            if (result.GetValue(device) is { } where)
            {
                var (parsed, message) = BenchDevice.Parse(where, TorchSharp.torch.cuda.is_available());
                if (message is not null) errors.Add(message);
                else options = options with { Device = parsed! };
            }

            if (errors.Count > 0)
            {
                foreach (var message in errors) error.WriteLine(message);
                return 2;
            }

            options = options with { Memory = options.Memory && !result.GetValue(noMemory), WarmHeap = !result.GetValue(defaultHeap) };
            options = options with
            {
                Kernels = !result.GetValue(noKernels),
                Step = result.GetValue(noStep) ? null : options.Step,
            };
            var bench = BenchRunner.Run(options, output);
            foreach (var path in BenchOutput.Write(bench, options.OutDir)) output.WriteLine($"wrote {path}");
            if (!result.GetValue(noGenerator))
            {
                var generator = GeneratorCost.Measure(GeneratorActivations, options.Reps);
                foreach (var row in generator)
                    output.WriteLine(FormattableString.Invariant($"generator, {row.Activations} activations, {row.Scenario}: {row.MedianMs:F1} ms, {row.Regenerated} lowered again"));
                var path = Path.Combine(options.OutDir, "generator.csv");
                AtomicFile.WriteAllText(path, Csv.Table(GeneratorCost.Columns, generator));
                output.WriteLine($"wrote {path}");
            }

            return 0;
        });
        return command;
    }
}
