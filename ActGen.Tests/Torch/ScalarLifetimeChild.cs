using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Benchmarks;
using static TorchSharp.torch;

namespace ActGen.Tests.Torch;

/// <summary>
/// The child process of <see cref="ScalarLifetimeTests"/>: runs calls that pass Scalars to TorchSharp over and over
/// while another thread keeps the garbage collector and the finalizers running, and checks every result against the
/// one computed before. A Scalar that nothing holds during its native call is then finalized (its at::Scalar deleted)
/// while libtorch reads it: the process ends, or a result is wrong (exit code 3).
/// </summary>
internal static class ScalarLifetimeChild
{
    public const string Command = "scalar-lifetime";

    public static int Run(string calls, double seconds)
    {
        TorchSetup.EnsureLoaded();
        set_num_threads(1);   // the inputs are tiny: more calls, and no OpenMP threads competing for the two cores here
        return FinalizerRace.Run(Calls(calls), Values, seconds);
    }

    /// <summary>The call's values, its tensors held by a scope, as the runtime and the bench hold theirs: only Scalars are left.</summary>
    private static double[] Values(Func<Tensor> call)
    {
        using var scope = NewDisposeScope();
        return call().detach().to(ScalarType.Float64).contiguous().flatten().data<double>().ToArray();
    }

    private static IReadOnlyList<(string Label, Func<Tensor> Call)> Calls(string name) => name switch
    {
        "script" => ScriptFallback(),
        "bench" => BenchImplementations(),
        "runtime" => RuntimeAndExperiments(),
        _ => throw new ArgumentException($"no calls named '{name}'", nameof(name)),
    };

    /// <summary>A non-contiguous input runs the TorchScript program, which gets the hyper-parameters as Scalars.</summary>
    private static IReadOnlyList<(string, Func<Tensor>)> ScriptFallback()
    {
        var x = randn(16, 2, dtype: ScalarType.Float64).t();
        return
        [
            ("Celu(0.75)", () => Activations.Celu(x, 0.75)),
            ("Elu(0.5)", () => Activations.Elu(x, 0.5)),
            ("LeakyRelu(0.02)", () => Activations.LeakyRelu(x, 0.02)),
            ("Softplus(2, 10)", () => Activations.Softplus(x, 2, 10)),
            ("HardTanh(-0.5, 0.5)", () => Activations.HardTanh(x, -0.5, 0.5)),
        ];
    }

    /// <summary>The other per-call places that pass Scalars: the gradient's anchor, the predicted classes.</summary>
    private static IReadOnlyList<(string, Func<Tensor>)> RuntimeAndExperiments()
    {
        var x = randn(16, dtype: ScalarType.Float64).requires_grad_(true);
        var g = randn(16, dtype: ScalarType.Float64);
        var logits = randn(16, 1, dtype: ScalarType.Float64);
        return
        [
            ("GradientAnchor.Anchored", () => ActGen.Torch.GradientAnchor.Anchored(g, x, differentiable: true)),
            ("Loss.Predict", () => ActGen.Experiments.Training.Loss.Predict(ActGen.Experiments.Cli.HeadKind.SigmoidBce, logits)),
        ];
    }

    /// <summary>The bench's builtins and composed forms (ActGen's own run the managed kernels), but the random ones.</summary>
    private static IReadOnlyList<(string, Func<Tensor>)> BenchImplementations()
    {
        var x = randn(16, dtype: ScalarType.Float64);
        return BenchCatalog.All.Where(c => c.Name != "rrelu_train")
            .SelectMany(c => c.Implementations(ScalarType.Float64).Where(i => i.Name != ImplName.ActGen).Select(i => ($"{c.Name} {i.Name}", (Func<Tensor>)(() => i.Apply(x)))))
            .ToArray();
    }
}
