using System;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>
/// φ and φ′ of any activation module as scalar functions (float32, φ′ by autograd), so the mean-field
/// prediction works for every module, built-in or generated, without a separate scalar formula.
/// </summary>
public static class ModuleScalar
{
    public static Func<double, double> Phi(nn.Module<Tensor, Tensor> module) => x =>
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        return module.forward(tensor(new[] { (float)x })).item<float>();
    };

    public static Func<double, double> Derivative(nn.Module<Tensor, Tensor> module) => x =>
    {
        using var scope = NewDisposeScope();
        var input = tensor(new[] { (float)x }).requires_grad_(true);
        module.forward(input).sum().backward();
        return input.grad!.item<float>();
    };
}
