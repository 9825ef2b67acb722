using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ActGen.Tests.Experiments;

/// <summary>Ctrl-C (SIGINT) to a running <c>actgen sweep</c> process: it stops, keeps the finished runs and says so.</summary>
public sealed class InterruptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actgen-interrupt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SigintKeepsTheFinishedRunsAndSaysWhatWasKept()
    {
        if (OperatingSystem.IsWindows()) return;   // SIGINT is a Unix signal; Windows has no kill -INT
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "actgen.dll"), "sweep", "--activations", "relu,tanh,sigmoid",
                     "--init", "he-normal", "--depths", "1-40", "--width", "8", "--steps", "200", "--log-every", "50", "--out", _dir })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = new System.Text.StringBuilder();
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null)
        {
            output.AppendLine(line);
            if (line.StartsWith("[1/", StringComparison.Ordinal)) break;
        }
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) await kill.WaitForExitAsync();
        output.Append(await process.StandardOutput.ReadToEndAsync());
        await process.WaitForExitAsync();
        var text = output.ToString();
        Assert.True(process.ExitCode == 130, text + await error);
        Assert.Matches(@"Interrupted: (\d+) finished runs are kept in .* the run in progress was dropped\. Run the same command again to resume\.", text);
        var kept = int.Parse(System.Text.RegularExpressions.Regex.Match(text, @"Interrupted: (\d+)").Groups[1].Value);
        Assert.InRange(kept, 1, 119);
        Assert.Equal(kept + 1, File.ReadAllLines(Path.Combine(_dir, "summary.csv")).Length);
    }
}
