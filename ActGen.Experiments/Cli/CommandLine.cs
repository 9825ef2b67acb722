using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ActGen.Experiments.Theory;

namespace ActGen.Experiments.Cli;

/// <summary>The <c>actgen</c> command line: <c>sweep</c> and <c>list</c> (System.CommandLine 2.0); the benchmarks are ActGen.Benchmarks.</summary>
public static class CommandLine
{
    /// <summary>Parses <paramref name="args"/> and runs the chosen command; returns the exit code (non-zero on bad arguments).</summary>
    public static int Run(string[] args, IReadOnlyList<string> activationNames, SweepAction sweep, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("ActGen experiments: depth sweeps that measure vanishing gradients.")
        {
            SweepCommand(activationNames, sweep, output, error),
            ListCommand(activationNames, output),
            ReportCommand.Create(output, error),
            Kernels.KernelsCommand.Create(output, error),
        };
        // Loaded before the command line is built (Program.Main); declared here so that every command accepts and lists it.
        root.Options.Add(new Option<string[]>(UserAssemblies.Option) { Description = UserAssemblies.Description, Recursive = true, HelpName = "PATH" });
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Option<string> Text(string name, string description) => new(name) { Description = description };

    private static Command SweepCommand(IReadOnlyList<string> names, SweepAction sweep, TextWriter output, TextWriter error)
    {
        var preset = Text("--preset", $"defaults for every option: {string.Join(", ", Preset.All.Select(p => p.Name))} (default: default)");
        var activations = Text("--activations", "comma-separated activation names (see `actgen list`)");
        var init = Text("--init", $"comma-separated initialisations: {string.Join(", ", InitParser.Choices)}");
        var depths = Text("--depths", $"hidden-layer counts: {IntList.Syntax}");
        var width = Text("--width", "units per hidden layer");
        var dataset = Text("--dataset", $"data set: {string.Join(", ", Choice.Names<DatasetKind>())}");
        var dataDir = Text("--data-dir", "folder holding the MNIST IDX files (default: data)");
        var optimizer = Text("--optimizer", $"optimiser: {string.Join(", ", Choice.Names<OptimizerKind>())}");
        var lr = Text("--lr", "learning rate");
        var epochs = Text("--epochs", "passes over the training set (or give --steps)");
        var steps = Text("--steps", "optimiser steps; 0 measures at initialisation only (or give --epochs)");
        var batch = Text("--batch", "batch size");
        var seeds = Text("--seeds", $"seeds: {IntList.Syntax}");
        var logEvery = Text("--log-every", "measure every this many steps (and at step 0)");
        var device = Text("--device", $"where to compute: {string.Join(", ", Choice.Names<DeviceKind>())} (default: auto)");
        var outDir = Text("--out", "output folder (default: runs/PRESET); re-running with the same folder resumes");
        var quiet = new Option<bool>("--quiet") { Description = "no progress bar" };
        var samples = Text("--samples", "points of a synthetic data set (default 1000)");
        var noise = Text("--noise", "Gaussian noise of a synthetic data set (default 0.1)");
        var factor = Text("--factor", "circles: inner radius over outer, in (0, 1) (default 0.5)");
        var testFraction = Text("--test-fraction", "share of a synthetic data set held out for testing; 0 evaluates on the training data");
        var measureOn = Text("--measure-on", $"rows a measurement sees: {string.Join(", ", Choice.Names<MeasureOn>())} (default: fixed-batch)");
        var shard = Text("--shard", $"run one share of the sweep into a shared --out: {ShardParser.Syntax}; then actgen report --out DIR");

        var command = new Command("sweep", "Train MLPs for every activation × init × depth × seed and measure gradient decay per layer.")
        {
            preset, activations, init, depths, width, dataset, dataDir, optimizer, lr, epochs, steps, batch, seeds,
            logEvery, device, outDir, quiet, samples, noise, factor, testFraction, measureOn, shard,
        };
        command.SetAction(result =>
        {
            var raw = new RawSweepArgs(
                result.GetValue(preset), result.GetValue(activations), result.GetValue(init), result.GetValue(depths),
                result.GetValue(width), result.GetValue(dataset), result.GetValue(dataDir), result.GetValue(optimizer),
                result.GetValue(lr), result.GetValue(epochs), result.GetValue(steps), result.GetValue(batch),
                result.GetValue(seeds), result.GetValue(logEvery), result.GetValue(device), result.GetValue(outDir),
                result.GetValue(quiet), result.GetValue(samples), result.GetValue(noise), result.GetValue(factor),
                result.GetValue(testFraction), result.GetValue(measureOn), result.GetValue(shard));
            var parsed = SweepOptionsParser.Parse(raw, names);
            if (!parsed.IsValid)
            {
                foreach (var message in parsed.Errors) error.WriteLine(message);
                return 2;
            }
            return sweep(parsed.Value!, output, error);
        });
        return command;
    }

    private static Command ListCommand(IReadOnlyList<string> names, TextWriter output)
    {
        var command = new Command("list", "List the activations, initialisations and presets a sweep accepts.");
        command.SetAction(_ =>
        {
            output.WriteLine("Activations:");
            foreach (var name in names) output.WriteLine($"  {name}");
            output.WriteLine("Initialisations:");
            foreach (var name in InitParser.Choices) output.WriteLine($"  {name}");
            output.WriteLine("Presets:");
            foreach (var p in Preset.All) output.WriteLine($"  {p.Name}: {p.Description}");
            return 0;
        });
        return command;
    }
}
