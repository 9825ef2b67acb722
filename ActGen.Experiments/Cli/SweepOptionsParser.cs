using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ActGen.Experiments.Theory;

namespace ActGen.Experiments.Cli;

/// <summary>Turns what the user typed into a <see cref="SweepOptions"/>, or into every error at once.</summary>
public static class SweepOptionsParser
{
    /// <summary>
    /// <paramref name="environment"/> reads the scheduler's variables for <c>--shard env</c> (the process's own by
    /// default); <paramref name="memoryBudget"/> is the bytes the largest run may need (half the available memory by default).
    /// </summary>
    public static Validated<SweepOptions> Parse(
        RawSweepArgs raw, IReadOnlyList<string> activationNames, Func<string, string?>? environment = null, double? memoryBudget = null)
    {
        var errors = new List<string>();
        var preset = raw.Preset is null
            ? Preset.Default
            : Preset.All.FirstOrDefault(p => p.Name == Choice.Find(raw.Preset, Preset.All.Select(p => p.Name)));
        if (preset is null)
        {
            errors.Add(Choice.Error("--preset", raw.Preset!, Preset.All.Select(p => p.Name)));
            preset = Preset.Default;
        }

        var activations = Activations(raw.Activations, preset, activationNames, errors);
        var inits = raw.Init is null ? preset.Inits : Inits(raw.Init, errors);
        var depths = raw.Depths is null ? preset.Depths : Ints("--depths", raw.Depths, 1, errors);
        var seeds = raw.Seeds is null ? preset.Seeds : Ints("--seeds", raw.Seeds, 0, errors);
        var width = raw.Width is null ? preset.Width : Int("--width", raw.Width, 1, errors);
        var batch = raw.Batch is null ? preset.Batch : Int("--batch", raw.Batch, 1, errors);
        var logEvery = raw.LogEvery is null ? preset.LogEvery : Int("--log-every", raw.LogEvery, 1, errors);
        var lr = raw.Lr is null ? preset.Lr : PositiveDouble("--lr", raw.Lr, errors);
        var optimizer = raw.Optimizer is null ? preset.Optimizer : Enum("--optimizer", raw.Optimizer, preset.Optimizer, errors);
        var device = raw.Device is null ? DeviceKind.Auto : Enum("--device", raw.Device, DeviceKind.Auto, errors);
        var data = Data(raw, preset.Data, errors);
        var length = Length(raw, preset.Length, errors);
        var measureOn = raw.MeasureOn is null ? preset.MeasureOn : Enum("--measure-on", raw.MeasureOn, preset.MeasureOn, errors);
        var shard = raw.Shard is null ? null : ShardParser.Parse(raw.Shard, environment ?? Environment.GetEnvironmentVariable, errors);
        if (raw.Out is { } o && string.IsNullOrWhiteSpace(o)) errors.Add("--out: the output folder must not be empty.");
        if (errors.Count == 0)
        {
            var (inputs, outputs) = data.Kind == DatasetKind.Mnist ? (784, 10) : (2, preset.Head == HeadKind.SigmoidBce ? 1 : 2);
            if (SweepSize.Problem(inputs, outputs, depths, width, batch, optimizer, memoryBudget ?? SweepSize.Budget()) is { } tooBig)
                errors.Add(tooBig);
        }

        return errors.Count > 0
            ? Validated<SweepOptions>.Fail(errors)
            : Validated<SweepOptions>.Ok(new SweepOptions(
                preset.Name, activations, inits, depths, width, data, preset.Head, optimizer, lr, length, batch, seeds,
                logEvery, device, raw.Out ?? Path(preset), raw.Quiet, measureOn, shard));
    }

    private static string Path(Preset preset) => System.IO.Path.Combine("runs", preset.Name);

    private static IReadOnlyList<string> Activations(string? typed, Preset preset, IReadOnlyList<string> names, List<string> errors)
    {
        var wanted = typed is null ? preset.Activations : Split(typed);
        var option = typed is null ? $"--preset {preset.Name}" : "--activations";
        if (wanted.Count == 0) errors.Add($"--activations: name at least one activation. Valid choices: {string.Join(", ", names)}.");
        var found = new List<string>();
        foreach (var typedName in wanted)
        {
            var (parsed, error) = ActivationName.Parse(typedName);
            if (parsed is null) errors.Add(error!);
            else if (Choice.Find(parsed.Name, names) is { } match) found.Add((parsed with { Name = match }).ToString());
            else errors.Add(Choice.Error(option, parsed.Name, names) + (typed is null ? " (the registry lacks an activation the preset uses)" : ""));
        }
        return found.Distinct().ToArray();
    }

    private static IReadOnlyList<Init> Inits(string typed, List<string> errors)
    {
        var inits = new List<Init>();
        foreach (var name in Split(typed))
        {
            if (InitParser.TryParse(name) is { } init) inits.Add(init);
            else errors.Add(Choice.Error("--init", name, InitParser.Choices));
        }
        if (inits.Count == 0 && errors.Count == 0) errors.Add($"--init: name at least one. Valid choices: {string.Join(", ", InitParser.Choices)}.");
        return inits.Distinct().ToArray();
    }

    private static DataSpec Data(RawSweepArgs raw, DataSpec preset, List<string> errors)
    {
        var spec = preset with { Directory = raw.DataDir ?? preset.Directory };
        if (raw.Dataset is not null && Choice.ParseEnum<DatasetKind>(raw.Dataset) is { } kind)
            spec = kind == preset.Kind ? spec : new DataSpec(kind, Directory: spec.Directory);
        else if (raw.Dataset is not null) errors.Add(Choice.Error("--dataset", raw.Dataset, Choice.Names<DatasetKind>()));
        if (raw.Samples is not null) spec = spec with { Samples = Int("--samples", raw.Samples, 2, errors) };
        if (raw.Samples is not null && spec.Samples > 10_000_000) errors.Add($"--samples: '{raw.Samples}' is more than 10000000 points.");
        if (raw.Noise is not null) spec = spec with { Noise = Number("--noise", raw.Noise, 0, double.MaxValue, "a number ≥ 0", errors) };
        if (raw.Factor is not null)
            spec = spec with { Factor = Number("--factor", raw.Factor, double.Epsilon, 1 - 1e-12, "a number in (0, 1)", errors) };
        if (raw.TestFraction is not null)
            spec = spec with
            {
                TestFraction = Number("--test-fraction", raw.TestFraction, 0, 1 - 1e-12,
                    "a number in [0, 1) (0: evaluate on the training data)", errors),
            };
        if (spec.Kind != DatasetKind.Circles && raw.Factor is not null) errors.Add("--factor: only the circles data set has an inner radius.");
        if (spec.Kind == DatasetKind.Mnist && (raw.Noise ?? raw.Samples ?? raw.TestFraction) is not null)
            errors.Add("--samples, --noise, --test-fraction: MNIST has its own images and test set.");
        return spec;
    }

    private static TrainingLength Length(RawSweepArgs raw, TrainingLength preset, List<string> errors)
    {
        if (raw.Steps is not null && raw.Epochs is not null)
        {
            errors.Add("--epochs, --steps: give one or the other, not both.");
            return preset;
        }
        if (raw.Steps is not null) return new Steps(Int("--steps", raw.Steps, 0, errors));
        if (raw.Epochs is not null) return new Epochs(Int("--epochs", raw.Epochs, 1, errors));
        return preset;
    }

    private static TEnum Enum<TEnum>(string option, string typed, TEnum fallback, List<string> errors) where TEnum : struct, System.Enum
    {
        if (Choice.ParseEnum<TEnum>(typed) is { } value) return value;
        errors.Add(Choice.Error(option, typed, Choice.Names<TEnum>()));
        return fallback;
    }

    private static IReadOnlyList<int> Ints(string option, string typed, int min, List<string> errors)
    {
        if (IntList.Count(typed) is > SweepSize.MaxListValues and var count)
        {
            errors.Add($"{option}: '{typed}' names {count} values, i.e. that many runs for every other combination; " +
                       $"a sweep takes at most {SweepSize.MaxListValues}.");
            return [];
        }
        var values = IntList.TryParse(typed);
        if (values is null) errors.Add($"{option}: '{typed}' is not {IntList.Syntax}.");
        else if (values.Any(v => v < min)) errors.Add($"{option}: '{typed}' holds a value below {min}.");
        return values ?? [];
    }

    private static int Int(string option, string typed, int min, List<string> errors)
    {
        if (int.TryParse(typed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min) return v;
        errors.Add($"{option}: '{typed}' is not a whole number ≥ {min}.");
        return min;
    }

    private static double Number(string option, string typed, double min, double max, string what, List<string> errors)
    {
        if (double.TryParse(typed, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        errors.Add($"{option}: '{typed}' is not {what}.");
        return min;
    }

    private static double PositiveDouble(string option, string typed, List<string> errors)
    {
        if (double.TryParse(typed, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v > 0) return v;
        errors.Add($"{option}: '{typed}' is not a positive number.");
        return 1;
    }

    /// <summary>Splits on commas outside parentheses, so "uniform(0.1),he-normal" gives two names.</summary>
    private static IReadOnlyList<string> Split(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '(') depth++;
            else if (i < text.Length && text[i] == ')') depth--;
            else if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                var part = text[start..i].Trim();
                if (part.Length > 0) parts.Add(part);
                start = i + 1;
            }
        }
        return parts;
    }
}
