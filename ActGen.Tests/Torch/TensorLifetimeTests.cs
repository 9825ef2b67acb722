using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ActGen.Tests.Torch;

/// <summary>
/// TorchSharp 0.107 passes <c>Tensor.Handle</c> to native code without keeping the Tensor alive, and its finalizer
/// deletes the native at::Tensor: with no dispose scope open, a temporary (<c>weight.t()</c> inside addmm) can be freed
/// while libtorch reads it. A fresh process (<see cref="TensorLifetimeChild"/>) runs the runtime's calls with no scope
/// for a few seconds with the finalizers running all along; before ActivationLinear held its temporaries in a scope its
/// calls ended the process (segmentation fault) in 1–7 s here, 7 of 7 runs. A second process counts the tensor handles
/// each call leaves to the finalizer: before, ActivationLinear left about 14 per forward and backward, and every
/// custom function the gradients its backward returned.
/// </summary>
public sealed class TensorLifetimeTests
{
    [Theory]
    [InlineData("linear")]
    [InlineData("function")]
    public async Task CallsWithoutAScopeHoldTheirTensorsWhileTheFinalizersRun(string calls)
    {
        var (exit, output, error) = await Child(TensorLifetimeChild.RaceCommand, calls, "4");
        Assert.True(exit == 0, $"exit code {exit}\n{output}\n{error}");
        Assert.Contains("all results as before", output);
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("function")]
    public async Task CallsWithoutAScopeLeaveNoHandleToTheFinalizer(string calls)
    {
        var (exit, output, error) = await Child(TensorLifetimeChild.HandlesCommand, calls);
        Assert.True(exit == 0, $"exit code {exit}\n{output}\n{error}");
        Assert.Contains("no handles left", output);
    }

    private static async Task<(int Exit, string Output, string Error)> Child(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ActGen.Tests.dll"));
        foreach (var a in arguments) start.ArgumentList.Add(a);

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var errorText = await error;
        return (process.ExitCode, output, errorText[..Math.Min(errorText.Length, 4000)]);
    }
}
