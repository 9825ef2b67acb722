using System.Linq;
using ActGen.Generator.Model;

namespace ActGen.Generator.Emit;

/// <summary>The generated file of one activation: its derivatives and kernels inside its partial class.</summary>
internal static class ActivationFileEmitter
{
    public static string HintName(ActivationModel model) =>
        string.Join(".", new[] { model.Site.Namespace, model.Site.ClassName, model.Name }.Where(s => s.Length > 0)) + ".g.cs";

    public static string Emit(LoweredActivation activation, bool torch)
    {
        var model = activation.Model;
        var w = new SourceWriter();
        FileHeader.Write(w, model.Site);
        w.Open($"{model.Site.ClassAccessibility} static partial class {model.Site.ClassName}");
        DerivativeEmitter.Emit(w, activation);
        w.Line();
        RegistrationEmitter.Emit(w, model, torch);
        foreach (var kernel in KernelSet.For(activation))
        {
            foreach (var type in new[] { NumericType.Double, NumericType.Float })
            {
                w.Line();
                KernelEmitter.Emit(w, model, kernel, type);
            }
        }

        w.Close();
        return w.ToString();
    }
}
