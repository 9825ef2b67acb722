using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>
/// A multilayer perceptron: <c>depth</c> hidden dense layers of <c>width</c> units, each followed by its own
/// activation module, then a dense output layer. <see cref="Layers"/> runs from the input layer (0) to the output layer.
/// Where <see cref="Fused"/> is set (see <see cref="HiddenActivation"/>), a hidden layer on the CPU computes
/// φ(x·Wᵀ + b) as one <see cref="ActivationLinear"/> node over its <see cref="Linear"/>'s weight and bias instead of
/// nn.Linear's node and the module's: same parameters, same initialisation, same gradients.
/// </summary>
public sealed record Mlp(
    IReadOnlyList<Linear> Layers, IReadOnlyList<nn.Module<Tensor, Tensor>> Activations, ActivationDefinition? Fused = null) : IDisposable
{
    /// <summary>Releases every layer and activation module with its parameters (else only the finalizer frees them).</summary>
    public void Dispose()
    {
        foreach (var l in Layers) l.Dispose();
        foreach (var a in Activations) a.Dispose();
    }

    public static Mlp Create(int inputs, int depth, int width, int outputs, Func<nn.Module<Tensor, Tensor>> activation) =>
        Create(inputs, depth, width, outputs, HiddenActivation.Module(activation));

    /// <summary>
    /// The layers are made (and their default weights drawn) as nn.Linear makes them whether fused or not, so the
    /// generator's state, and every initialisation drawn after, is the same either way.
    /// </summary>
    public static Mlp Create(int inputs, int depth, int width, int outputs, HiddenActivation activation)
    {
        var sizes = new[] { inputs }.Concat(Enumerable.Repeat(width, depth)).Append(outputs).ToArray();
        var layers = Enumerable.Range(0, depth + 1).Select(i => nn.Linear(sizes[i], sizes[i + 1], hasBias: true, dtype: float32)).ToArray();
        return new Mlp(layers, Enumerable.Range(0, depth).Select(_ => activation.CreateModule()).ToArray(), activation.Fused);
    }

    /// <summary>Every trainable parameter: the layers' weights and biases and any the activations learn.</summary>
    public IEnumerable<Parameter> Parameters() =>
        Layers.SelectMany(l => l.parameters()).Concat(Activations.SelectMany(a => a.parameters()));

    public Mlp To(Device device)
    {
        foreach (var l in Layers) l.to(device);
        foreach (var a in Activations) a.to(device);
        return this;
    }

    /// <summary>Whether the hidden layers run fused on <paramref name="x"/> (ActivationLinear: CPU, float32 or float64).</summary>
    public bool FusesOn(Tensor x) => Fused is not null && x.device_type == CPU.type && x.dtype is ScalarType.Float32 or ScalarType.Float64;

    /// <summary>
    /// The output logits, and per layer its pre-activation z = Wx + b (whose gradient backward leaves where
    /// <paramref name="measure"/> asks for it) and post-activation φ(z) (the logits for the last).
    /// </summary>
    public (Tensor Logits, IReadOnlyList<PreActivation> PreActivations, IReadOnlyList<Tensor> PostActivations) Forward(
        Tensor x, bool measure = false)
    {
        var pre = new List<PreActivation>(Layers.Count);
        var post = new List<Tensor>(Layers.Count);
        var fuse = FusesOn(x);
        var parameters = fuse ? Fused!.Defaults : null;   // once per pass: Defaults builds a new array
        var h = x;
        for (var i = 0; i < Layers.Count; i++)
        {
            var layer = Layers[i];
            if (fuse && i < Activations.Count)
            {
                var gradient = measure ? new PreActivationGradient() : null;
                h = ActivationLinear.Apply(h, layer.weight!, layer.bias!, Fused!, parameters, gradient);
                pre.Add(new PreActivation(null, gradient));
            }
            else
            {
                var z = layer.forward(h);
                if (measure) z.retain_grad();
                pre.Add(new PreActivation(z, null));
                h = i < Activations.Count ? Activations[i].forward(z) : z;
            }
            post.Add(h);
        }
        return (h, pre, post);
    }
}
