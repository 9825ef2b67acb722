using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace ActGen.Tests;

/// <summary>What a finished child process wrote and returned.</summary>
internal sealed record ChildResult(int Code, string Output, string Error)
{
    public override string ToString() => $"exit code {Code}\n{Output}\n{Error}";
}

/// <summary>A test's child process: a program run to its end, both streams read as it writes them (so neither fills up).</summary>
internal static class ChildProcess
{
    /// <summary><paramref name="program"/> with <paramref name="arguments"/>; an environment value of null removes the variable.</summary>
    public static async Task<ChildResult> Run(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ChildResult(process.ExitCode, await output, await error);
    }

    /// <summary>One of this build's own programs (e.g. <c>actgen.dll</c>, <c>actgen-bench.dll</c>) through <c>dotnet</c>.</summary>
    public static Task<ChildResult> Dotnet(
        string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        Run("dotnet", [Path.Combine(AppContext.BaseDirectory, assembly), .. arguments], environment);
}
