using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ActGen.Tests.Torch;

/// <summary>
/// TorchSharp 0.107 passes <c>Scalar.Handle</c> to native code without keeping the Scalar alive, and its finalizer
/// deletes the native at::Scalar: the Scalars ActGen passes must be held across the call (<c>ActGen.Torch.Scalars</c>).
/// A fresh process (<see cref="ScalarLifetimeChild"/>) runs the calls for a few seconds with the finalizers running
/// all along. Undone (doubles where Scalars are expected, TorchSharp's operators), each case ended the process in
/// 1–5 s here (18 of 18 runs), in c10::Scalar::toDouble, toLong or type.
/// </summary>
public sealed class ScalarLifetimeTests
{
    [Theory]
    [InlineData("script")]
    [InlineData("bench")]
    [InlineData("runtime")]
    public async Task CallsKeepTheirScalarsWhileTheFinalizersRun(string calls)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "ActGen.Tests.dll"), ScalarLifetimeChild.Command, calls, "6" })
            start.ArgumentList.Add(a);

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var errorText = await error;
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\n{output}\n{errorText[..Math.Min(errorText.Length, 4000)]}");
        Assert.Contains("all results as before", output);
    }
}
