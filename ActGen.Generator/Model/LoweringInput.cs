using ActGen.Generator.Ir;

namespace ActGen.Generator.Model;

/// <summary>
/// Everything lowering one activation reads: its model and the models of the activations it calls, directly or not
/// (sorted by key). Equal inputs mean equal output, so an edit elsewhere lowers nothing again.
/// </summary>
internal sealed record LoweringInput(ActivationModel Model, EquatableArray<ActivationModel> Callees);
