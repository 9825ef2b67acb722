using System;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>
/// A dense layer with its activation fused in: y = φ(x·Wᵀ + b) in one autograd node (see
/// <see cref="ActivationLinearFunction"/>), for activations whose parameters are all hyper-parameters. Weight and bias
/// start as <c>nn.Linear</c>'s do (uniform in ±1/√inputs).
/// </summary>
public sealed class ActivationLinear : nn.Module<Tensor, Tensor>
{
    private readonly ActivationDefinition activation;
    private readonly double[] hyper;

    public ActivationLinear(ActivationDefinition activation, long inputs, long outputs, double[]? hyperParameters = null, ScalarType dtype = ScalarType.Float32)
        : base("ActivationLinear")
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        if (dtype is not (ScalarType.Float32 or ScalarType.Float64))
            throw new ArgumentException($"dtype must be Float32 or Float64, not {dtype}.", nameof(dtype));
        this.activation = activation;
        hyper = Hyper(activation, hyperParameters);
        var bound = 1 / Math.Sqrt(inputs);
        register_parameter("weight", new Parameter(empty(outputs, inputs, dtype: dtype).uniform_(-bound, bound)));
        register_parameter("bias", new Parameter(empty(outputs, dtype: dtype).uniform_(-bound, bound)));
    }

    public Parameter Weight => get_parameter("weight")!;

    public Parameter Bias => get_parameter("bias")!;

    public override Tensor forward(Tensor input) => Apply(input, Weight, Bias, activation, hyper);

    /// <summary>Whether the layer takes <paramref name="activation"/>: every parameter of it is a hyper-parameter.</summary>
    public static bool Supports(ActivationDefinition activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        foreach (var p in activation.Parameters)
            if (p.Role != ParameterRole.Hyper) return false;
        return true;
    }

    /// <summary>
    /// φ(x·Wᵀ + b) for x [batch, inputs] on the CPU, in W's dtype (float32 or float64). Given
    /// <paramref name="preActivationGradient"/>, backward leaves ∂C/∂z there (z = x·Wᵀ + b).
    /// </summary>
    public static Tensor Apply(
        Tensor x, Tensor weight, Tensor bias, ActivationDefinition activation, double[]? hyperParameters = null,
        PreActivationGradient? preActivationGradient = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(activation);
        if (weight.dim() != 2) throw new ArgumentException($"weight must be [outputs, inputs], not {Shape(weight)}.", nameof(weight));
        if (x.dim() != 2 || x.shape[1] != weight.shape[1])
            throw new ArgumentException($"x must be [batch, {weight.shape[1]}], not {Shape(x)}.", nameof(x));
        if (bias.dim() != 1 || bias.shape[0] != weight.shape[0])
            throw new ArgumentException($"bias must be [{weight.shape[0]}], not {Shape(bias)}.", nameof(bias));
        if (weight.dtype is not (ScalarType.Float32 or ScalarType.Float64) || x.dtype != weight.dtype || bias.dtype != weight.dtype)
            throw new ArgumentException($"x, weight and bias must share one dtype, float32 or float64 (got {x.dtype}, {weight.dtype}, {bias.dtype}).", nameof(x));
        if (x.device_type != CPU.type || weight.device_type != CPU.type || bias.device_type != CPU.type)
            throw new ArgumentException("ActivationLinear runs on the CPU only.", nameof(x));
        // A handle of its own even where x is contiguous: released here, once the call has saved what it needs.
        using var input = x.contiguous();
        return ActivationLinearFunction.apply(input, weight, bias, activation, Hyper(activation, hyperParameters), preActivationGradient!);
    }

    private static double[] Hyper(ActivationDefinition activation, double[]? given)
    {
        if (!Supports(activation))
            throw new ArgumentException($"{activation.Name} has learnable or randomized parameters; ActivationLinear takes hyper-parameters only.", nameof(activation));
        var values = given ?? activation.Defaults;
        return values.Length == activation.Parameters.Count
            ? values
            : throw new ArgumentException($"{activation.Name} takes {activation.Parameters.Count} hyper-parameters, not {values.Length}.", "hyperParameters");
    }

    private static string Shape(Tensor t) => "[" + string.Join(", ", t.shape) + "]";
}
