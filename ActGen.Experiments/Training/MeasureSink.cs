using System.Collections.Generic;
using ActGen.Experiments.Results;

namespace ActGen.Experiments.Training;

/// <summary>
/// Sees one measurement of a run: its step, the network (weights, and ∂C/∂W of the measurement batch in
/// each layer's <c>weight.grad</c>) and the rows just measured, one per layer from the input.
/// </summary>
public delegate void MeasureSink(int step, Mlp mlp, IReadOnlyList<LayerRow> rows);
