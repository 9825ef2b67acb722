using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Data;
using ActGen.Experiments.Results;
using ActGen.Experiments.Theory;
using ActGen.Experiments.Training;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ActGen.Tests.Experiments;

/// <summary>
/// The sweep's MLP fuses each hidden layer with an ActGen activation into one ActivationLinear node; every measurement
/// (∂C/∂W per layer, its mean |g|, s.d. and L2, dead units from ∂C/∂z, the weights, the losses) equals what nn.Linear
/// plus the activation's module gives, from the same weights and random draws, step after step. Run alone: training
/// seeds libtorch's global generator, and a test drawing from it in parallel between the two trainings changed the
/// weights of one of them (seen once in CI: 2 of 1203 failed).
/// </summary>
[Collection(Alone.Name)]
public sealed class FusedMlpTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actgen-fused-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ActivationDefinition Resolved(string spelled) => ActivationResolver.Resolve(spelled, ActivationCatalog.Get);

    [Theory]
    [InlineData("Elu")]
    [InlineData("Sigmoid")]                        // backward from the output: the fused node recomputes y from z
    [InlineData("Relu")]                           // dead units
    [InlineData("LeakyRelu(negativeSlope=0.2)")]  // a hyper-parameter away from its default
    [InlineData("Squareplus")]                     // a user activation (ActGen.Experiments' own)
    public void FusedTrainingMeasuresAsTheUnfusedLayers(string spelled)
    {
        TorchSetup.EnsureLoaded();
        var activation = Resolved(spelled);
        var fusedSeen = new List<bool>();
        var (fusedTensors, referenceTensors) = (new List<float[]>(), new List<float[]>());
        var fused = Train(HiddenActivation.Of(activation), (_, mlp, _) =>
        {
            fusedSeen.Add(mlp.Fused is not null);
            fusedTensors.AddRange(Histogrammed(mlp));
        });
        var reference = Train(HiddenActivation.Unfused(activation), (_, mlp, _) => referenceTensors.AddRange(Histogrammed(mlp)));
        Assert.All(fusedSeen, Assert.True);
        Assert.NotEmpty(fusedSeen);
        Assert.Equal(reference.Rows.Length, fused.Rows.Length);
        var worst = 0.0;
        // What TensorBoard's histograms are drawn from: every layer's weights and ∂C/∂W at every measurement.
        Assert.Equal(referenceTensors.Count, fusedTensors.Count);
        for (var t = 0; t < fusedTensors.Count; t++)
            for (var i = 0; i < fusedTensors[t].Length; i++)
                worst = Math.Max(worst, Close(fusedTensors[t][i], referenceTensors[t][i], $"{spelled} histogram tensor {t} [{i}]"));
        for (var i = 0; i < fused.Rows.Length; i++)
            foreach (var (name, a, b) in Values(fused.Rows[i]).Zip(Values(reference.Rows[i]), (f, r) => (f.Name, f.Value, r.Value)))
            {
                worst = Math.Max(worst, Close(a, b, $"{spelled} step {fused.Rows[i].Step} layer {fused.Rows[i].Layer} {name}"));
            }
        log.WriteLine($"{spelled}: largest relative difference {worst:G3}");
        if (spelled == "Relu") Assert.Contains(fused.Rows, r => r.DeadFraction > 0);   // the dead share is exercised
    }

    [Fact]
    public void HiddenLayersRunAsOneFusedNodeAndHandOnTheirPreActivationGradient()
    {
        TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        manual_seed(5);
        var mlp = Mlp.Create(2, 3, 6, 2, HiddenActivation.Of(Resolved("Tanh")));
        var x = randn(7, 2);
        Assert.All(mlp.Forward(x).PreActivations.Take(3), p => Assert.True(p.Z is null && p.FromFusedNode is null));   // nothing kept
        var (logits, pre, post) = mlp.Forward(x, measure: true);
        Assert.All(pre.Take(3), p => Assert.True(p.Z is null && p.FromFusedNode is not null && p.Grad is null));
        Assert.NotNull(pre[3].Z);   // the output layer stays nn.Linear
        logits.sum().backward();
        // ∂C/∂z of layer 1 from the next layer's: ∂C/∂y₁ = ∂C/∂z₂·W₂ and ∂C/∂z₁ = ∂C/∂y₁·(1 − y₁²).
        var expected = pre[2].Grad!.mm(mlp.Layers[2].weight!) * (1 - post[1] * post[1]);
        Assert.True(allclose(pre[1].Grad!, expected, rtol: 1e-5, atol: 1e-7));
        Assert.Equal([7L, 6L], pre[1].Grad!.shape);
    }

    [Fact]
    public void EveryCatalogActivationButPReluAndRReluIsFusedAndBuiltinModulesAreNot()
    {
        TorchSetup.EnsureLoaded();
        ActivationRegistry.EnsureCatalog();
        var unfused = ActivationRegistry.All.Where(d => d.Owner == "ActGen.Activations" && HiddenActivation.Of(d).Fused is null)
            .Select(d => d.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["PRelu", "RRelu"], unfused);
        Assert.Null(Mlp.Create(2, 2, 4, 2, () => nn.ReLU()).Fused);
    }

    [Theory]
    [InlineData("PRelu")]   // a learnable slope
    [InlineData("RRelu")]   // random slopes in training
    public void ActivationsWithTensorParametersKeepTheirModule(string name)
    {
        TorchSetup.EnsureLoaded();
        using var scope = NewDisposeScope();
        var mlp = Mlp.Create(2, 2, 4, 2, HiddenActivation.Of(Resolved(name)));
        Assert.Null(mlp.Fused);
        Assert.All(mlp.Forward(randn(3, 2), measure: true).PreActivations, p => Assert.NotNull(p.Z));
    }

    [Fact]
    public void SweepOfFusedLayersWritesTheUnfusedSweepsNumbers()
    {
        TorchSetup.EnsureLoaded();
        var fused = Sweep(Path.Combine(_dir, "fused"), SweepRunner.FromRegistry);
        var unfused = Sweep(Path.Combine(_dir, "unfused"), SweepRunner.FromRegistry with { FuseLayers = false });
        Assert.True(SweepRunner.FromRegistry.FuseLayers);
        var worst = 0.0;
        foreach (var file in new[] { "results.csv", "summary.csv" })
        {
            var (a, b) = (File.ReadAllLines(Path.Combine(fused, file)), File.ReadAllLines(Path.Combine(unfused, file)));
            Assert.Equal(a.Length, b.Length);
            Assert.Equal(a[0], b[0]);
            var header = a[0].Split(',');
            for (var row = 1; row < a.Length; row++)
            {
                var (x, y) = (a[row].Split(','), b[row].Split(','));
                Assert.Equal(x.Length, y.Length);
                for (var c = 0; c < x.Length; c++)
                {
                    if (header[c] == "seconds") continue;
                    if (double.TryParse(x[c], System.Globalization.CultureInfo.InvariantCulture, out var u)
                        && double.TryParse(y[c], System.Globalization.CultureInfo.InvariantCulture, out var v))
                        worst = Math.Max(worst, Close(u, v, $"{file} row {row} {header[c]}"));
                    else Assert.Equal(y[c], x[c]);
                }
            }
        }
        log.WriteLine($"largest relative difference between the sweeps: {worst:G3}");
    }

    /// <summary>Two depths, a fused activation with a hyper-parameter, PReLU (learnable) and RReLU (random, training).</summary>
    private static string Sweep(string dir, SweepRunner runner)
    {
        var parsed = SweepOptionsParser.Parse(new RawSweepArgs(
            Activations: "elu,leaky-relu(negativeSlope=0.2),prelu,rrelu", Init: "he-normal", Depths: "1,4", Width: "8", Steps: "6",
            LogEvery: "2", Batch: "32", Out: dir, Quiet: true), ActivationCatalog.Names());
        Assert.True(parsed.Value is not null, string.Join("; ", parsed.Errors));
        var error = new StringWriter();
        Assert.True(runner.Run(parsed.Value!, new StringWriter(), error) == 0, error.ToString());
        return dir;
    }

    private static (RunSummary Summary, LayerRow[] Rows) Train(HiddenActivation activation, MeasureSink? sink = null)
    {
        var split = Split.Of(Circles.Generate(300, 0.1, 0.5, seed: 1), 0.25, seed: 2);
        var key = new RunKey("act", "he-normal", 4, 12, 3, "circles", "sgd", 0.2, 12, 64);
        var spec = new RunSpec(key, activation, new HeInit(WeightDistribution.Normal), HeadKind.Softmax, OptimizerKind.Sgd, 3, null);
        var (rows, summary) = Trainer.Run(spec, TensorData.From(split.Train, CPU), TensorData.From(split.Test, CPU), 2, 2, CPU, sink);
        return (summary, rows.ToArray());
    }

    private static IEnumerable<float[]> Histogrammed(Mlp mlp) =>
        mlp.Layers.SelectMany(l => new[] { l.weight!, l.weight!.grad! }).Select(t => t.detach().cpu().data<float>().ToArray());

    private static IEnumerable<(string Name, double Value)> Values(LayerRow r) =>
    [
        ("grad_mean_abs", r.GradMeanAbs), ("grad_mean", r.GradMean), ("grad_std", r.GradStd), ("grad_l2", r.GradL2),
        ("bias_grad_mean_abs", r.BiasGradMeanAbs), ("weight_mean", r.WeightMean), ("weight_std", r.WeightStd),
        ("activation_mean", r.ActivationMean), ("activation_std", r.ActivationStd), ("dead_fraction", r.DeadFraction),
        ("loss", r.Loss), ("batch_loss", r.BatchLoss), ("train_accuracy", r.TrainAccuracy), ("test_accuracy", r.TestAccuracy),
    ];

    /// <summary>
    /// Asserts float32 agreement (relative 1e-5, or 1e-8 absolute near zero: a signed mean may cancel) and returns the
    /// relative difference.
    /// </summary>
    private static double Close(double a, double b, string what)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            Assert.True(double.IsNaN(a) && double.IsNaN(b), $"{what}: {a} against {b}");
            return 0;
        }
        var difference = Math.Abs(a - b);
        Assert.True(difference <= 1e-5 * Math.Max(Math.Abs(a), Math.Abs(b)) + 1e-8, $"{what}: {a:R} fused against {b:R}");
        return difference == 0 ? 0 : difference / Math.Max(Math.Abs(a), Math.Abs(b));
    }
}
