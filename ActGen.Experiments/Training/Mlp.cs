using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>
/// A multilayer perceptron: <c>depth</c> hidden dense layers of <c>width</c> units, each followed by its own
/// activation module, then a dense output layer. <see cref="Layers"/> runs from the input layer (0) to the output layer.
/// </summary>
public sealed record Mlp(IReadOnlyList<Linear> Layers, IReadOnlyList<nn.Module<Tensor, Tensor>> Activations)
{
    public static Mlp Create(int inputs, int depth, int width, int outputs, Func<nn.Module<Tensor, Tensor>> activation)
    {
        var sizes = new[] { inputs }.Concat(Enumerable.Repeat(width, depth)).Append(outputs).ToArray();
        var layers = Enumerable.Range(0, depth + 1).Select(i => nn.Linear(sizes[i], sizes[i + 1], hasBias: true, dtype: float32)).ToArray();
        return new Mlp(layers, Enumerable.Range(0, depth).Select(_ => activation()).ToArray());
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

    /// <summary>The output logits, and per layer its pre-activation z = Wx + b and post-activation φ(z) (the logits for the last).</summary>
    public (Tensor Logits, IReadOnlyList<Tensor> PreActivations, IReadOnlyList<Tensor> PostActivations) Forward(Tensor x)
    {
        var pre = new List<Tensor>();
        var post = new List<Tensor>();
        var h = x;
        for (var i = 0; i < Layers.Count; i++)
        {
            var z = Layers[i].forward(h);
            pre.Add(z);
            h = i < Activations.Count ? Activations[i].forward(z) : z;
            post.Add(h);
        }
        return (h, pre, post);
    }
}
