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

    /// <summary>
    /// A sweep's run leaves its optimizer's state to no finalizer (Adam's running averages, RMSprop's: real tensors, on a
    /// GPU memory the collector cannot see): each optimizer leaves what SGD, which keeps none, leaves. That is not zero:
    /// TorchSharp's nn.Linear counts two handles per layer that its Dispose does not take back, though no storage stays
    /// (2,000 Linear(256, 256) made and disposed with no collection grow the process by 15 MB, not 500).
    /// </summary>
    [Fact]
    public async Task ARunReleasesItsOptimizersState()
    {
        var (_, output, error) = await Child(TensorLifetimeChild.HandlesCommand, "trainer");
        int Left(string optimizer) =>
            int.Parse(System.Text.RegularExpressions.Regex.Match(output, $"Trainer {optimizer}: (\\d+) handles left").Groups[1].Value,
                System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(output.Contains("Trainer Sgd: ", StringComparison.Ordinal), $"{output}\n{error}");
        Assert.Equal(Left("Sgd"), Left("Adam"));
        Assert.Equal(Left("Sgd"), Left("Rmsprop"));
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
