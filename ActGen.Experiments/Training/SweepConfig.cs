using System.Globalization;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Results;

namespace ActGen.Experiments.Training;

/// <summary>The <see cref="RunConfig"/> of a sweep's runs: every setting but the axes (activation, init, depth, seed).</summary>
public static class SweepConfig
{
    public static RunConfig Of(SweepOptions o, int steps)
    {
        var d = o.Data;
        var synthetic = d.Kind != DatasetKind.Mnist;
        return new RunConfig(
        [
            ("dataset", d.Kind.ToString().ToLowerInvariant()),
            ("samples", synthetic ? Csv.Number(d.Samples) : "(mnist)"),
            ("noise", synthetic ? Csv.Number(d.Noise) : "(mnist)"),
            ("factor", d.Kind == DatasetKind.Circles ? Csv.Number(d.Factor) : "(none)"),
            ("test_fraction", synthetic ? Csv.Number(d.TestFraction) : "(mnist)"),
            ("head", Choice.Kebab(o.Head.ToString())),
            ("optimizer", Choice.Kebab(o.Optimizer.ToString())),
            ("lr", Csv.Number(o.Lr)),
            ("steps", steps.ToString(CultureInfo.InvariantCulture)),
            ("batch", Csv.Number(o.Batch)),
            ("width", Csv.Number(o.Width)),
            ("log_every", Csv.Number(o.LogEvery)),
            ("measure_on", Choice.Kebab(o.MeasureOn.ToString())),
        ]);
    }

    /// <summary>The option a user changes to alter a setting, for the refusal message.</summary>
    public static string OptionOf(string setting) => setting switch
    {
        "test_fraction" => "--test-fraction",
        "log_every" => "--log-every",
        "measure_on" => "--measure-on",
        "head" => "--preset",
        "steps" => "--steps/--epochs",
        _ => "--" + setting,
    };
}
