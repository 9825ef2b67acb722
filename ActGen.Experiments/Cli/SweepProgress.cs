using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Spectre.Console;

namespace ActGen.Experiments.Cli;

/// <summary>
/// Shows a sweep's progress while <c>run</c> works through its items. On an interactive terminal: a
/// Spectre.Console progress bar with elapsed and remaining time, each finished item's line printed above it.
/// Anywhere else (a pipe, a file, CI): one plain line per item with an ETA. Quiet: nothing.
/// </summary>
public static class SweepProgress
{
    /// <summary>Runs <paramref name="run"/> on every item; it returns the line that reports the finished item.</summary>
    public static void Run<T>(IReadOnlyList<T> items, bool quiet, TextWriter output, Func<T, string> describe, Func<T, string> run)
    {
        if (quiet) foreach (var item in items) run(item);
        else if (IsTerminal(output)) Bar(items, describe, run);
        else Plain(items, output, run);
    }

    private static bool IsTerminal(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private static void Bar<T>(IReadOnlyList<T> items, Func<T, string> describe, Func<T, string> run) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("sweep", maxValue: Math.Max(1, items.Count));
                for (var i = 0; i < items.Count; i++)
                {
                    task.Description = Markup.Escape($"[{i + 1}/{items.Count}] {describe(items[i])}");
                    var line = run(items[i]);
                    AnsiConsole.MarkupLine(Markup.Escape(line));
                    task.Increment(1);
                }
                task.Description = "sweep";
            });

    private static void Plain<T>(IReadOnlyList<T> items, TextWriter output, Func<T, string> run)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < items.Count; i++)
        {
            var line = run(items[i]);
            var remaining = TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / (i + 1) * (items.Count - i - 1));
            output.WriteLine($"[{i + 1}/{items.Count}] {line} (eta {Format(remaining)})");
            output.Flush();
        }
    }

    /// <summary>"42s", "3m05s", "1h02m".</summary>
    public static string Format(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:D2}m"
        : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:D2}s"
        : $"{(int)Math.Round(t.TotalSeconds)}s";
}
