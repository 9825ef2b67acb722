using System.Collections.Generic;

namespace ActGen.Experiments.Kernels;

/// <summary>One activation's result: every kernel, both element types, against the generated C# forms.</summary>
internal sealed record CudaHostResult(string Activation, IReadOnlyList<string> Failures)
{
    public bool Matches => Failures.Count == 0;
}
