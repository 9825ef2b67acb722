using System.Collections.Generic;
using System.Linq;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>
/// Every tensor handle a call makes is either returned or released. A handle left to the garbage collector keeps
/// its memory allocated after the caller disposes the result (big tensors then come back as fresh, page-faulting
/// allocations). Observed through a dispose scope, which registers every handle made on its thread.
/// </summary>
public class HandleReleaseTests
{
    [Fact]
    public void ForwardWithoutGradientLeavesOnlyItsResult()
    {
        var x = randn(1000);
        using var scope = NewDisposeScope();
        var y = Activations.Relu(x);
        Assert.Same(y, Assert.Single(scope.DisposablesView));
    }

    [Fact]
    public void ForwardOfAModuleWithARandomizedSlopeLeavesOnlyItsResult()
    {
        var x = randn(1000);
        using var module = new Activations.RReluModule();
        module.train();
        using var scope = NewDisposeScope();
        var y = module.call(x);
        Assert.Same(y, Assert.Single(scope.DisposablesView));
    }

    [Fact]
    public void ForwardOfALearnableActivationLeavesOnlyItsResult()
    {
        var x = randn(4, 3, 5);
        using var module = new Activations.PReluModule(3);
        using var scope = NewDisposeScope();
        var y = module.call(x);
        // With a learnable parameter the graph is recorded, and TorchSharp's node registers one more handle of its
        // own (an empty tensor shaped like the result, for a missing incoming gradient).
        Assert.Equal(2, scope.DisposablesCount);
        Assert.Contains(scope.DisposablesView, d => ReferenceEquals(d, y));
    }

    [Fact]
    public void BackwardLeavesOnlyTheGradientsItReturns()
    {
        var x = randn(1000).requires_grad_(true);
        var gy = randn(1000);
        using var scope = NewDisposeScope();
        var y = Activations.Sigmoid(x);
        var before = scope.DisposablesView.ToList();
        var grads = autograd.grad([y], [x], [gy]);
        // By reference: Tensor.Equals compares values, and an uninitialised tensor holding NaN is unequal to itself.
        var made = scope.DisposablesView.Except(before, ReferenceEqualityComparer.Instance).ToList();
        // The gradient autograd.grad hands back, and the handle backward returned to the engine (which copies it
        // after backward has returned, so backward cannot release it itself). Nothing else: no saved-tensor handles, and
        // not the handle TorchSharp made for the incoming gradient.
        var live = made.OfType<Tensor>().Where(t => !t.IsInvalid).ToList();
        Assert.True(live.Count == 2, $"{live.Count} live handles");
        Assert.Contains(made, m => ReferenceEquals(m, grads[0]));
    }
}
