using System.Linq;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;
using ActGen.Generator.Naming;

namespace ActGen.Generator.Emit;

/// <summary>The generated file of one activation: its derivatives and kernels inside its partial class.</summary>
internal static class ActivationFileEmitter
{
    /// <summary>Unique per activation key (overloads are diagnosed before this), and a safe file name whatever the user's names.</summary>
    public static string HintName(ActivationModel model) =>
        Identifiers.Hint(string.Join(".", new[] { model.Site.Namespace, model.Site.ClassName, model.Name }.Where(s => s.Length > 0)))
            + ".g.cs";

    public static string Emit(LoweredActivation activation, bool torch)
    {
        var model = activation.Model;
        var w = new SourceWriter();
        var source = new ActivationSource(model.Input, model.Parameters.Select(p => p.Name).ToEquatableArray(), activation.Forward);
        FileHeader.Write(w, model.Site, $"[assembly: global::{ActivationSource.AttributeType}(\"{model.Key}\", \"{source.Encode()}\")]");
        w.Open($"{model.Site.ClassAccessibility} static partial class {Identifiers.Escape(model.Site.ClassName)}");
        DerivativeEmitter.Emit(w, activation);
        w.Line();
        RegistrationEmitter.Emit(w, activation, torch);
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
