using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Torch;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>
/// The calls <see cref="TensorLifetimeChild"/> makes with no dispose scope open: each returns every tensor it made
/// for the caller (the results, the gradients), which the child reads and releases.
/// </summary>
internal static class TensorLifetimeCalls
{
    // Weak, so that the calls alone hold their temporaries; released after each call, so that none counts as left.
    private static readonly List<WeakReference<Tensor>> Temporaries = [];

    /// <summary>Releases the temporaries the last call made as its arguments (those not finalized already).</summary>
    public static void ReleaseTemporaries()
    {
        foreach (var w in Temporaries)
        {
            if (w.TryGetTarget(out var t)) t.Dispose();
        }

        Temporaries.Clear();
    }

    private static Tensor Temporary(Tensor t)
    {
        Temporaries.Add(new WeakReference<Tensor>(t));
        return t;
    }

    public static IReadOnlyList<(string Label, Func<Tensor[]> Call)> Named(string name) => name switch
    {
        "linear" => Linear(),
        "function" => Functions(),
        "trainer" => Trainers(),
        _ => throw new ArgumentException($"no calls named '{name}'", nameof(name)),
    };

    /// <summary>
    /// A sweep's run, a few steps with each optimizer: the network, its data and the optimizer's state (Adam's two running
    /// averages per parameter, RMSprop's one) are released when the run ends, not left to the finalizer (on a GPU its
    /// memory is invisible to the collector). Nothing is returned: the run keeps no tensor.
    /// </summary>
    private static IReadOnlyList<(string, Func<Tensor[]>)> Trainers()
    {
        var split = ActGen.Experiments.Data.Split.Of(ActGen.Experiments.Data.Circles.Generate(200, 0.1, 0.5, seed: 1), 0.25, seed: 2);
        var (train, test) = (ActGen.Experiments.Training.TensorData.From(split.Train, CPU), ActGen.Experiments.Training.TensorData.From(split.Test, CPU));
        var init = new ActGen.Experiments.Theory.HeInit(ActGen.Experiments.Theory.WeightDistribution.Normal);
        Func<Tensor[]> Run(ActGen.Experiments.Cli.OptimizerKind optimizer) => () =>
        {
            var key = new ActGen.Experiments.Results.RunKey("tanh", init.Name, 3, 8, 1, "circles", optimizer.ToString(), 0.01, 4, 32);
            var spec = new ActGen.Experiments.Training.RunSpec(key, ActGen.Experiments.Training.HiddenActivation.Module(() => nn.Tanh()), init,
                ActGen.Experiments.Cli.HeadKind.Softmax, optimizer, 2, null);
            ActGen.Experiments.Training.Trainer.Run(spec, train, test, 2, 2, CPU);
            return [];
        };

        return [.. Enum.GetValues<ActGen.Experiments.Cli.OptimizerKind>().Select(o => ($"Trainer {o}", Run(o)))];
    }

    /// <summary>The fused dense layer, forward and backward (its kernels read spans of the tensors it was handed).</summary>
    private static IReadOnlyList<(string, Func<Tensor[]>)> Linear()
    {
        var x = randn(32, 24).requires_grad_(true);
        var weight = randn(16, 24).requires_grad_(true);
        var bias = randn(16).requires_grad_(true);
        var gy = randn(32, 16);
        var tanh = ActivationRegistry.Get("Tanh");
        var sigmoid = ActivationRegistry.Get("Sigmoid");
        Tensor[] Step(ActivationDefinition d)
        {
            var gradient = new PreActivationGradient();
            var y = ActivationLinear.Apply(x, weight, bias, d, preActivationGradient: gradient);
            var grads = autograd.grad([y], [x, weight, bias], [gy]);
            return [y, .. grads, gradient.Grad!];
        }

        return [("ActivationLinear Tanh", () => Step(tanh)), ("ActivationLinear Sigmoid", () => Step(sigmoid))];
    }

    /// <summary>
    /// The generated functions and modules: a temporary as the input (held only by the call's arguments), the
    /// TorchScript path (a non-contiguous input), a learnable and a randomized parameter, a gradient of a gradient, and
    /// the gradient checks (their random projections drawn from a Generator of their own).
    /// </summary>
    private static IReadOnlyList<(string, Func<Tensor[]>)> Functions()
    {
        var x = randn(64, 8, dtype: ScalarType.Float64).requires_grad_(true);
        var gy = randn(64, 8, dtype: ScalarType.Float64);
        var prelu = new Activations.PReluModule(8);
        var rrelu = new Activations.RReluModule();
        rrelu.train();
        var gyT = gy.t().contiguous();
        Tensor[] FirstOrder(Func<Tensor> f, Tensor g, params Tensor[] wrt)
        {
            var y = f();
            return [y, .. autograd.grad([y], wrt, [g])];
        }

        Tensor[] SecondOrder()
        {
            var y = Activations.Softplus(x);
            var g = autograd.grad([y], [x], [gy], create_graph: true)[0];
            return [y, g, .. autograd.grad([g], [x], [gy])];
        }

        var point = randn(16, dtype: ScalarType.Float64);
        Tensor[] Checked()
        {
            var first = GradCheck.Check(t => Activations.Tanh(t), point);
            var second = GradCheck.CheckSecondOrder((t, _) => Activations.Softplus(t), point, []);
            return [tensor(new[] { first.MaxAbsoluteError, second.MaxAbsoluteError, first.Passed && second.Passed ? 1.0 : 0.0 })];
        }

        Tensor[] Randomized()
        {
            manual_seed(7);
            return FirstOrder(() => rrelu.call(x), gy, x);
        }

        return
        [
            ("Elu of a temporary", () => FirstOrder(() => Activations.Elu(Temporary(x.mul(x)), 0.5), gy, x)),
            ("Celu, TorchScript path", () => FirstOrder(() => Activations.Celu(Temporary(x.t()), 0.75), gyT, x)),
            ("PReluModule", () => FirstOrder(() => prelu.call(x), gy, x, prelu.get_parameter("weight")!)),
            ("RReluModule in training", Randomized),
            ("Softplus, second order", SecondOrder),
            ("GradCheck, first and second order", Checked),
        ];
    }
}
