using System;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>The three implementations bench.csv compares (its <c>impl</c> column).</summary>
public static class ImplName
{
    public const string ActGen = "actgen";
    public const string Builtin = "torch-builtin";
    public const string Composed = "torch-composed";

    /// <summary>The bare generated span kernel, reported only in the extra file.</summary>
    public const string Span = "actgen-span";
}

/// <summary>One implementation of an activation over a tensor; <paramref name="Parameters"/> also receive gradients.</summary>
public sealed record Impl(string Name, Func<Tensor, Tensor> Apply, Tensor[] Parameters);
