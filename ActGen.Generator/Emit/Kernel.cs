using System.Collections.Generic;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Emit;

/// <summary>
/// One fused element-wise kernel to emit: its name, what it reads and writes, and the IR it computes per element.
/// </summary>
/// <param name="ReadsOutput">The first span is the forward's output (y in <paramref name="Body"/>), not the input.</param>
/// <param name="SpanParameters">Parameters passed per element (as spans) rather than as one value.</param>
internal sealed record Kernel(
    string Name,
    string Summary,
    bool ReadsGradOutput,
    string Output,
    Expr Body,
    IReadOnlyCollection<string> SpanParameters,
    bool ReadsOutput = false)
{
    /// <summary>The preferred name of the span the kernel reads its elements from.</summary>
    public string Source => ReadsOutput ? "output" : "input";
}
