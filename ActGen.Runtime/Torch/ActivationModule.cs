using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>How a module sets up one tensor parameter: the initial value (learnable) or the bounds (randomized).</summary>
public sealed record TensorParameterSetting(double Initial, double Lower, double Upper);

/// <summary>
/// The module behind every generated <c>{Name}Module</c>: hyper-parameters fixed at construction, learnable
/// parameters as <see cref="Parameter"/>s (one value, or one per channel along dimension 1 as PyTorch's PReLU),
/// randomized parameters drawn in training and at their mean in evaluation.
/// </summary>
public class ActivationModule : nn.Module<Tensor, Tensor>
{
    private readonly TorchActivation activation;
    private readonly Func<object[], Tensor> function;
    private readonly double[] hyper;
    private readonly IReadOnlyList<(ActivationParameter Parameter, TensorParameterSetting Setting, Parameter? Learned)> tensorParameters;

    protected ActivationModule(
        string name, TorchActivation activation, Func<object[], Tensor> apply, double[] hyper,
        IReadOnlyList<TensorParameterSetting> settings, long numParameters)
        : base(name)
    {
        if (numParameters < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(numParameters), numParameters, "numParameters must be at least 1.");
        }

        this.activation = activation;
        function = apply;
        this.hyper = hyper;
        tensorParameters = activation.TensorParameters.Zip(settings, (p, s) =>
            (p, s, p.Role == ParameterRole.Learnable ? new Parameter(full(numParameters, s.Initial, dtype: ScalarType.Float32)) : null)).ToList();
        foreach (var (parameter, _, learned) in tensorParameters.Where(t => t.Learned is not null))
        {
            register_parameter(parameter.Name, learned!);
        }
    }

    public IReadOnlyList<double> HyperParameters => hyper;

    public override Tensor forward(Tensor input)
    {
        var tensors = tensorParameters.Select(t => t.Learned is { } learned
            ? PerChannel(learned, input)
            : RandomizedParameter.Draw(input, training, t.Setting.Lower, t.Setting.Upper));
        return function([input, .. tensors, .. hyper.Cast<object>()]);
    }

    /// <summary>One value broadcasts as is; one value per channel is laid along dimension 1.</summary>
    private static Tensor PerChannel(Tensor parameter, Tensor input)
    {
        var typed = parameter.dtype == input.dtype ? parameter : parameter.to(input.dtype);
        if (parameter.numel() == 1 || input.dim() < 2)
        {
            return typed;
        }

        var shape = Enumerable.Repeat(1L, (int)input.dim()).ToArray();
        shape[1] = parameter.numel();
        return typed.view(shape);
    }
}
