using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActGen.Torch;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>
/// Memory: the autograd node keeps one tensor per call — the input itself (or the output, where the derivative is
/// written in it), not a copy and not the intermediates a composed expression keeps. Observed through the context in backward (TorchSharp commits saved tensors after forward).
/// </summary>
public class SavedTensorTests
{
    /// <summary>An activation's own function that records what its context saved, when backward runs.</summary>
    private abstract class SavingProbe<TSelf> : ActivationFunction<TSelf>
        where TSelf : SavingProbe<TSelf>, new()
    {
        [System.ThreadStatic]
        public static List<Tensor>? Saved;

        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
        {
            Saved = ctx.get_saved_variables();
            return base.backward(ctx, grad_output);
        }
    }

    private sealed class MishProbe : SavingProbe<MishProbe>
    {
        protected override TorchActivation Activation => Activations.MishTorch;
    }

    private sealed class PReluProbe : SavingProbe<PReluProbe>
    {
        protected override TorchActivation Activation => Activations.PReluTorch;
    }

    private sealed class SigmoidProbe : SavingProbe<SigmoidProbe>
    {
        protected override TorchActivation Activation => Activations.SigmoidTorch;
    }

    private static unsafe nint Address(Tensor t) => (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(t.bytes));

    [Fact]
    public void NonParametricActivationSavesOnlyItsInputWithoutACopy()
    {
        var x = randn(1000, dtype: ScalarType.Float64).requires_grad_(true);
        var y = MishProbe.apply(x);
        y.backward([ones_like(y)]);
        var saved = Assert.Single(MishProbe.Saved!);
        Assert.Equal(Address(x), Address(saved));
        Assert.Equal(x.shape, saved.shape);
        Assert.True(TorchCheck.MaxError(x.grad!, TorchCheck.Run(z => TorchSharp.torch.nn.functional.mish(z), x, ones_like(x)).Grad, 1e-4) <= 1e-9);
    }

    [Fact]
    public void LearnableActivationSavesTheInputAndTheExistingParameter()
    {
        var x = randn(1000, dtype: ScalarType.Float64).requires_grad_(true);
        var w = tensor(new[] { 0.25 }, dtype: ScalarType.Float64).requires_grad_(true);
        var y = PReluProbe.apply(x, w);
        y.backward([ones_like(y)]);
        Assert.Equal(2, PReluProbe.Saved!.Count);
        Assert.Equal(Address(x), Address(PReluProbe.Saved[0]));
        Assert.Equal(Address(w), Address(PReluProbe.Saved[1]));
    }

    [Fact]
    public void AnActivationWhoseDerivativeIsWrittenInItsOutputSavesTheOutputInstead()
    {
        var x = randn(1000, dtype: ScalarType.Float64).requires_grad_(true);
        var y = SigmoidProbe.apply(x);
        y.backward([ones_like(y)]);
        var saved = Assert.Single(SigmoidProbe.Saved!);
        Assert.Equal(Address(y), Address(saved));
        Assert.True(TorchCheck.MaxError(x.grad!, TorchCheck.Run(z => sigmoid(z), x, ones_like(x)).Grad, 1e-4) <= 1e-12);
    }

    [Fact]
    public void ChangingASavedOutputInPlaceBeforeBackwardIsReportedNotSilentlyWrong()
    {
        var x = randn(100, dtype: ScalarType.Float64).requires_grad_(true);
        var y = Activations.Tanh(x);
        using (no_grad())
        {
            y.mul_(2);
        }

        // libtorch's check on saved tensors fails inside backward, which autograd calls from native code: the
        // failure comes back as an exception at this call, not as a crashed process or a silently wrong gradient.
        var e = Assert.ThrowsAny<System.Exception>(() => y.backward([ones_like(y)]));
        Assert.Contains("invalid gradient", e.Message);
        Assert.Null(x.grad);
    }

    /// <summary>
    /// Where only a parameter needs a gradient (a first layer's input needs none), a failed backward is an error at the
    /// caller's <c>backward()</c> too, never a parameter silently left without its gradient.
    /// </summary>
    [Fact]
    public void AFailedBackwardIsReportedWhereOnlyAParameterNeedsAGradient()
    {
        var x = randn(100, dtype: ScalarType.Float64);
        var w = tensor(new[] { 0.25 }, dtype: ScalarType.Float64).requires_grad_(true);
        var y = Activations.PRelu(x, w);
        x.mul_(2); // x is saved for the backward

        var e = Assert.ThrowsAny<System.Exception>(() => y.backward([ones_like(y)]));
        Assert.Contains("invalid gradient", e.Message);
        Assert.Null(w.grad);
    }
}
