using System.Collections.Generic;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Emit;

/// <summary>
/// One fused element-wise kernel to emit: its name, what it reads and writes, and the IR it computes per element.
/// </summary>
/// <param name="ReadsOutput">The first span is the forward's output (y in <paramref name="Body"/>), not the input.</param>
/// <param name="SpanParameters">Parameters passed per element (as spans) rather than as one value.</param>
/// <param name="ReadsGradGrad">A second-order kernel: it also reads the gradient of the backward's result (gg).</param>
internal sealed record Kernel(
    string Name,
    string Summary,
    bool ReadsGradOutput,
    string Output,
    Expr Body,
    IReadOnlyCollection<string> SpanParameters,
    bool ReadsOutput = false,
    bool ReadsGradGrad = false)
{
    /// <summary>The preferred name of the span the kernel reads its elements from.</summary>
    public string Source => ReadsOutput ? "output" : "input";
}
