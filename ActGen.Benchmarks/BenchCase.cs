using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>
/// One activation under test: its implementations for a dtype (actgen, the builtin where TorchSharp has one,
/// the composition of TorchSharp ops) and its bare span kernels.
/// </summary>
/// <param name="Name">The activation as written in bench.csv.</param>
/// <param name="Registry">Its name in <see cref="ActivationRegistry"/> (for the span kernels), or null.</param>
/// <param name="Implementations">Builds the implementations for a dtype.</param>
/// <param name="Parameters">The kernels' parameters (hyper-parameters at the values the other implementations use).</param>
public sealed record BenchCase(
    string Name,
    string? Registry,
    Func<ScalarType, IReadOnlyList<Impl>> Implementations,
    double[] Parameters);
