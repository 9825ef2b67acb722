using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;

namespace ActGen.Generator.Emit;

/// <summary>One generated file.</summary>
internal sealed record GeneratedFile(string HintName, string Text);

/// <summary>What an activation contributes to the compilation: its files (and warnings), or the diagnostics saying why not.</summary>
internal sealed record RenderedUnit(string Key, EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Renders a lowered activation into its files; a failure becomes ACTGEN099 at the method, never an exception.</summary>
internal static class Rendering
{
    public static RenderedUnit Render(GenerationUnit unit, bool torch)
    {
        if (unit.Activation is not { } activation)
        {
            return new RenderedUnit(unit.Key, EquatableArray<GeneratedFile>.Empty, unit.Diagnostics);
        }

        try
        {
            var model = activation.Model;
            var scalar = new GeneratedFile(ActivationFileEmitter.HintName(model), ActivationFileEmitter.Emit(activation, torch));
            var cuda = new GeneratedFile(Cuda.CudaFileEmitter.HintName(model), Cuda.CudaFileEmitter.Emit(activation));
            var files = torch
                ? EquatableArray.Of(scalar, cuda, new GeneratedFile(TorchEmitter.HintName(model), TorchEmitter.Emit(activation)))
                : EquatableArray.Of(scalar, cuda);
            return new RenderedUnit(unit.Key, files, unit.Diagnostics);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            return new RenderedUnit(
                unit.Key,
                EquatableArray<GeneratedFile>.Empty,
                EquatableArray.Of(InternalError.Of(activation.Model.Name, null, e)));
        }
    }
}
