using System.Collections.Generic;

namespace ActGen.Experiments.Kernels;

/// <summary>One activation's result (or the draw's): every kernel, every element type, against the generated C# forms.</summary>
internal sealed record KernelCheckResult(string Activation, IReadOnlyList<string> Failures)
{
    public bool Matches => Failures.Count == 0;
}
