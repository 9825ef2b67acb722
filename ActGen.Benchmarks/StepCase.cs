using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Experiments.Training;
using static TorchSharp.torch;
using A = ActGen.Activations;

namespace ActGen.Benchmarks;

/// <summary>
/// One activation in the step benchmark: a module factory per implementation (name as in bench.csv's impl), each run
/// as nn.Linear plus the module in every hidden layer, and the activation at the bench's parameters for the sweep's own
/// MLP, whose hidden layers are fused.
/// </summary>
public sealed record StepCase(
    string Activation, IReadOnlyList<(string Impl, Func<nn.Module<Tensor, Tensor>> Create)> Modules,
    ActivationDefinition Definition, double[] Parameters)
{
    /// <summary>
    /// The sweep's MLP as the sweep builds it (<see cref="HiddenActivation.Of"/>): every hidden layer one
    /// <see cref="ActGen.Torch.ActivationLinear"/> node.
    /// </summary>
    public const string Fused = "actgen-linear";

    /// <summary>Every implementation's training step: the MLP with each module, then with the fused layers.</summary>
    public IReadOnlyList<(string Impl, Func<StepSettings, Action> Step)> Steps =>
    [
        .. Modules.Select(m => (m.Impl, (Func<StepSettings, Action>)(s => StepBench.Step(s, m.Create)))),
        (Fused, s => StepBench.Step(s, FusedActivation())),
    ];

    /// <summary>The activation at the bench's parameters (their defaults, as a resolved sweep activation carries them), fused.</summary>
    private HiddenActivation FusedActivation()
    {
        var module = Modules.First(m => m.Impl == ImplName.ActGen).Create;
        var parameters = Definition.Parameters.Select((p, i) => p with { Default = Parameters[i] }).ToArray();
        var hidden = HiddenActivation.Of(Definition with { Parameters = parameters, CreateModule = module });
        return hidden.Fused is not null ? hidden : throw new InvalidOperationException($"{Activation}: ActivationLinear does not take it.");
    }

    /// <summary>
    /// The step case of <paramref name="c"/>: actgen is the module the sweep builds (the registry's, or Swish's with the
    /// bench's β), builtin and composed wrap the bench's functions. None for PReLU and RReLU: their parameter or
    /// randomness lives outside a function module.
    /// </summary>
    public static StepCase? Of(BenchCase c)
    {
        if (c.Registry is not { } registry) return null;
        var impls = c.Implementations(ScalarType.Float32);
        if (impls.Any(i => i.Parameters.Length > 0)) return null;
        var definition = ActivationRegistry.Get(registry);
        var wrapped = impls.Where(i => i.Name != ImplName.ActGen)
            .Select(i => (i.Name, (Func<nn.Module<Tensor, Tensor>>)(() => new LambdaModule(c.Name + "-" + i.Name, i.Apply))));
        return new StepCase(c.Name, [(ImplName.ActGen, ActGenModule(c, definition)), .. wrapped], definition, c.Parameters);
    }

    private static Func<nn.Module<Tensor, Tensor>> ActGenModule(BenchCase c, ActivationDefinition definition) =>
        c.Name == "swish" ? () => new A.SwishModule(BenchCatalog.SwishBeta)
        : c.Parameters.SequenceEqual(definition.Defaults) && definition.CreateModule is { } create ? create
        : throw new InvalidOperationException($"{c.Name}: the bench's parameters are not {definition.Name}'s defaults.");
}
