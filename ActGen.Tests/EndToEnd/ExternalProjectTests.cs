using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace ActGen.Tests.EndToEnd;

/// <summary>
/// samples/UserActivations, copied outside the repository, referencing ActGen by project reference: it builds,
/// its generated derivatives agree with finite differences, and an unsupported method gets a located ACTGEN error.
/// </summary>
public class ExternalProjectTests
{
    private static string RepoRoot([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    private static string CopySample()
    {
        var target = Path.Combine(Path.GetTempPath(), "actgen-user-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot(), "samples", "UserActivations")))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    private static (int ExitCode, string Output) Dotnet(string directory, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"{arguments} -c Release -p:ActGenRoot={RepoRoot()}/")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet did not finish in 5 minutes");
        return (process.ExitCode, output.Result + error.Result);
    }

    [Fact]
    public void AUserProjectBuildsAndItsDerivativesMatchFiniteDifferences()
    {
        var directory = CopySample();
        try
        {
            var (exitCode, output) = Dotnet(directory, "run");
            Assert.True(exitCode == 0, output);
            Assert.Contains("Squareplus   max relative error", output);
            Assert.Equal("OK", output.Split('\n').Select(l => l.Trim()).Last(l => l.Length > 0));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void TheActGenPackageRestoresFromALocalFeedBuildsAndRuns()
    {
        var directory = CopySample();
        var feed = Path.Combine(directory, "feed");
        // A fresh version each run: NuGet's global cache never serves a stale copy of an earlier package.
        var version = $"0.1.0-test{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        try
        {
            var (packed, packOutput) = Dotnet(RepoRoot(), $"pack ActGen.Runtime/ActGen.Runtime.csproj -o {feed} -p:Version={version}");
            Assert.True(packed == 0, packOutput);
            using (var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, $"ActGen.Runtime.{version}.nupkg")))
            {
                var entries = package.Entries.Select(e => e.FullName).ToList();
                Assert.Contains("analyzers/dotnet/cs/ActGen.Generator.dll", entries);
                Assert.Contains("lib/net10.0/ActGen.Runtime.dll", entries);
                Assert.Contains("buildTransitive/ActGen.Runtime.targets", entries);
            }

            File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            var (exitCode, output) = Dotnet(directory, $"run -p:ActGenPackageVersion={version}");
            Assert.True(exitCode == 0, output);
            Assert.Equal("OK", output.Split('\n').Select(l => l.Trim()).Last(l => l.Length > 0));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void AnUnsupportedMethodInAUserProjectGetsALocatedError()
    {
        var directory = CopySample();
        try
        {
            File.WriteAllText(Path.Combine(directory, "Broken.cs"), """
                using System;
                using ActGen;
                namespace UserActivations;
                public static partial class Broken
                {
                    [Activation]
                    public static double Rounded(double x) => Math.Round(x) * x;
                }
                """);
            var (exitCode, output) = Dotnet(directory, "build");
            Assert.NotEqual(0, exitCode);
            Assert.Contains("Broken.cs(7,47): error ACTGEN003: 'Math.Round' cannot be differentiated by ActGen", output);
            Assert.DoesNotContain("CS8785", output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
