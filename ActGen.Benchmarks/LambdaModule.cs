using System;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>A module whose forward is one function: TorchSharp's builtin activation modules are one functional call too.</summary>
public sealed class LambdaModule(string name, Func<Tensor, Tensor> function) : nn.Module<Tensor, Tensor>(name)
{
    public override Tensor forward(Tensor input) => function(input);
}
