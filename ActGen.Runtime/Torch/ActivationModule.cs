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
    private readonly Func<object[], Tensor> function;
    private readonly double[] hyper;
    private readonly IReadOnlyList<(ActivationParameter Parameter, TensorParameterSetting Setting)> tensorParameters;

    protected ActivationModule(
        string name, TorchActivation activation, Func<object[], Tensor> apply, double[] hyper,
        IReadOnlyList<TensorParameterSetting> settings, long numParameters)
        : base(name)
    {
        if (numParameters < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(numParameters), numParameters, "numParameters must be at least 1.");
        }

        function = apply;
        this.hyper = hyper;
        tensorParameters = activation.TensorParameters.Zip(settings, (p, s) => (p, s)).ToList();
        foreach (var (parameter, setting) in tensorParameters.Where(t => t.Parameter.Role == ParameterRole.Learnable))
        {
            using var initial = Scalars.Hold(setting.Initial);
            register_parameter(parameter.Name, new Parameter(full(numParameters, initial, dtype: ScalarType.Float32)));
        }
    }

    public IReadOnlyList<double> HyperParameters => hyper;

    public override Tensor forward(Tensor input)
    {
        var (tensors, made) = TensorArguments(input);
        try
        {
            return function([input, .. tensors, .. hyper.Cast<object>()]);
        }
        finally
        {
            // The call has saved what backward needs; the handles made for it here are released now, not by the GC.
            made.ForEach(d => d.Dispose());
        }
    }

    /// <summary>
    /// The tensor parameters for one call, and every handle made to get them (dtype conversions, views, randomized
    /// draws). Made in a scope of their own, so that the function's own handles are not caught up in it.
    /// </summary>
    private (Tensor[] Tensors, List<IDisposable> Made) TensorArguments(Tensor input)
    {
        using var scope = NewDisposeScope();
        // Learnable parameters are looked up by name on every call: module.to(dtype or device) and load_state_dict
        // replace the registered Parameter objects (and dispose the old ones).
        var tensors = tensorParameters.Select(t => t.Parameter.Role == ParameterRole.Learnable
            ? PerChannel(get_parameter(t.Parameter.Name) ?? throw new InvalidOperationException($"Parameter {t.Parameter.Name} is not registered."), input)
            : RandomizedParameter.Draw(input, training, t.Setting.Lower, t.Setting.Upper)).ToArray();
        var made = scope.DisposablesView.ToList();
        scope.Detach(made);
        return (tensors, made);
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
