using ActGen.Generator.Model;
using ActGen.Generator.Naming;

namespace ActGen.Generator.Emit.Cuda;

/// <summary>The generated file that carries an activation's CUDA source as a constant, for the runtime to compile with NVRTC.</summary>
internal static class CudaFileEmitter
{
    public static string HintName(ActivationModel model) => ActivationFileEmitter.HintName(model).Replace(".g.cs", ".Cuda.g.cs");

    public static string Emit(LoweredActivation activation)
    {
        var model = activation.Model;
        var w = new SourceWriter();
        FileHeader.Write(w, model.Site);
        w.Open($"{model.Site.ClassAccessibility} static partial class {Identifiers.Escape(model.Site.ClassName)}")
            .Line($"/// <summary>The CUDA C++ source of {model.Name}'s kernels (forward, backward, ∂/∂θ, second order; float and double), "
                + "for NVRTC.</summary>")
            .Line(GeneratedAttributes.GeneratedCode)
            .Line($"internal const string {MemberNames.CudaSource(model.Name)} =")
            .Indent()
            .Line("\"\"\"")
            .Lines(CudaProgram.For(activation).TrimEnd('\n'))
            .Line("\"\"\";")
            .Dedent()
            .Close();
        return w.ToString();
    }
}
