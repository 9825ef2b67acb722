using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Model;

namespace ActGen.Generator.Emit;

/// <summary>
/// Emits the TorchSharp side of one activation (only when the compilation references ActGen's TorchSharp glue):
/// <c>{Name}(Tensor x, …)</c>, the custom autograd function behind it, and <c>{Name}Module</c>.
/// </summary>
internal static class TorchEmitter
{
    private const string Tensor = "global::TorchSharp.torch.Tensor";

    public static string HintName(ActivationModel model) => ActivationFileEmitter.HintName(model).Replace(".g.cs", ".Torch.g.cs");

    public static string Emit(LoweredActivation activation)
    {
        var model = activation.Model;
        var w = new SourceWriter();
        FileHeader.Write(w, model.Site);
        w.Open($"{model.Site.ClassAccessibility} static partial class {model.Site.ClassName}");
        TensorFunction(w, activation);
        w.Line();
        Module(w, model);
        w.Line();
        Autograd(w, activation);
        w.Close();
        return w.ToString();
    }

    private static IReadOnlyList<ParameterModel> Randomized(ActivationModel m) => m.Parameters.Where(p => p.Kind == ParameterKind.Randomized).ToList();

    private static string Lower(ActivationModel m, ParameterModel p) => Randomized(m).Count == 1 ? "lower" : p.Name + "Lower";

    private static string Upper(ActivationModel m, ParameterModel p) => Randomized(m).Count == 1 ? "upper" : p.Name + "Upper";

    private static string Hyper(ActivationModel m) => string.Join(", ", m.Parameters.Where(p => p.Kind == ParameterKind.Hyper).Select(p => p.Name));

    private static void TensorFunction(SourceWriter w, LoweredActivation activation)
    {
        var model = activation.Model;
        var randomized = Randomized(model);
        var declarations = new List<string> { $"{Tensor} {model.Input}" };
        declarations.AddRange(model.Parameters.Where(p => p.Kind == ParameterKind.Learnable).Select(p => $"{Tensor} {p.Name}"));
        if (randomized.Count > 0)
        {
            declarations.Add("bool training = false");
            declarations.AddRange(randomized.SelectMany(p => new[]
            {
                $"double {Lower(model, p)} = {NumericType.Double.Literal(p.Lower)}",
                $"double {Upper(model, p)} = {NumericType.Double.Literal(p.Upper)}",
            }));
        }

        declarations.AddRange(model.Parameters.Where(p => p.Kind == ParameterKind.Hyper).Select(p => $"double {p.Name} = {NumericType.Double.Literal(p.Value)}"));
        string Drawn(ParameterModel p) => p.Name + "Drawn";
        var tensorArguments = model.Parameters.Where(p => p.Kind != ParameterKind.Hyper).Select(p => p.Kind == ParameterKind.Learnable ? p.Name : Drawn(p));
        var arguments = string.Join(", ", new[] { model.Input }.Concat(tensorArguments).Concat(model.Parameters.Where(p => p.Kind == ParameterKind.Hyper).Select(p => p.Name)));
        var training = randomized.Count > 0 ? " Randomized parameters are drawn per element when <paramref name=\"training\"/>, else at their mean." : "";
        var signature = $"{model.Site.MethodAccessibility} static {Tensor} {model.Name}({string.Join(", ", declarations)})";
        w.Line($"/// <summary>{model.Name} over a tensor, differentiable: a custom autograd function that saves only its {(activation.OutputDerivative is null ? "input" : "output")} and runs fused kernels on CPU.{training}</summary>")
            .Line(Naming.GeneratedCode);
        if (randomized.Count == 0)
        {
            w.Line($"{signature} =>").Line($"    {model.Name}Function.apply({arguments});");
            return;
        }

        // The draws are released as soon as the function has saved them, not left to the garbage collector.
        w.Block(signature, b =>
        {
            foreach (var p in randomized)
            {
                b.Line($"using var {Drawn(p)} = global::ActGen.Torch.RandomizedParameter.Draw({model.Input}, training, {Lower(model, p)}, {Upper(model, p)});");
            }

            b.Line($"return {model.Name}Function.apply({arguments});");
        });
    }

    private static void Module(SourceWriter w, ActivationModel model)
    {
        var learnable = model.Parameters.Where(p => p.Kind == ParameterKind.Learnable).ToList();
        var declarations = new List<string>();
        if (learnable.Count > 0)
        {
            declarations.Add("long numParameters = 1");
        }

        declarations.AddRange(model.Parameters.Select(p => p.Kind switch
        {
            ParameterKind.Randomized => $"double {Lower(model, p)} = {NumericType.Double.Literal(p.Lower)}, double {Upper(model, p)} = {NumericType.Double.Literal(p.Upper)}",
            _ => $"double {p.Name} = {NumericType.Double.Literal(p.Value)}",
        }));
        var settings = model.Parameters.Where(p => p.Kind != ParameterKind.Hyper).Select(p => p.Kind == ParameterKind.Learnable
            ? $"new({p.Name}, 0.0, 0.0)"
            : $"new(({Lower(model, p)} + {Upper(model, p)}) / 2, {Lower(model, p)}, {Upper(model, p)})");
        w.Line($"/// <summary>{model.Name} as a module: hyper-parameters fixed here, learnable parameters as <c>Parameter</c>s, honours train()/eval().</summary>")
            .Line(Naming.GeneratedCode)
            .Open($"{model.Site.MethodAccessibility} sealed class {model.Name}Module : global::ActGen.Torch.ActivationModule")
            .Line($"public {model.Name}Module({string.Join(", ", declarations)})")
            .Line($"    : base(\"{model.Name}\", {model.Name}Torch, static arguments => {model.Name}Function.apply(arguments), [{Hyper(model)}], [{string.Join(", ", settings)}], {(learnable.Count > 0 ? "numParameters" : "1")})")
            .Line("{")
            .Line("}")
            .Close();
    }

    private static void Autograd(SourceWriter w, LoweredActivation activation)
    {
        var model = activation.Model;
        string Kernels(string type, string cast) => activation.ParameterDerivatives.Count == 0
            ? $"new global::System.Collections.Generic.Dictionary<string, global::ActGen.SpanBackward<{type}>>()"
            : $"new global::System.Collections.Generic.Dictionary<string, global::ActGen.SpanBackward<{type}>> {{ " +
              string.Join(", ", activation.ParameterDerivatives.Select(d =>
                  $"[\"{d.Parameter}\"] = static (input, gradOutput, gradParameter, p) => " +
                  $"{model.Name}Backward{Naming.Pascal(d.Parameter)}(input, gradOutput, gradParameter{string.Concat(model.Parameters.Select((_, i) => $", {cast}p[{i}]"))})")) + " }";
        w.Line(Naming.GeneratedCode)
            .Line($"private static global::ActGen.Torch.TorchActivation? {Field(model)};")
            .Line()
            .Line($"/// <summary>The kernels and TorchScript program behind <see cref=\"{model.Name}Function\"/>.</summary>")
            .Line(Naming.GeneratedCode)
            .Line($"internal static global::ActGen.Torch.TorchActivation {model.Name}Torch => {Field(model)} ??= new(")
            .Line($"    {model.Name}Definition,")
            .Line($"    {Kernels("double", "")},")
            .Line($"    {Kernels("float", "(float)")},")
            .Line("    \"\"\"")
            .Indent()
            .Lines(TorchScriptProgram.For(activation).TrimEnd('\n'))
            .Line("\"\"\");")
            .Dedent()
            .Line()
            .Line($"/// <summary>The custom autograd function of {model.Name}.</summary>")
            .Line(Naming.GeneratedCode)
            .Open($"internal sealed class {model.Name}Function : global::ActGen.Torch.ActivationFunction<{model.Name}Function>")
            .Line($"protected override global::ActGen.Torch.TorchActivation Activation => {model.Name}Torch;")
            .Close();
    }

    private static string Field(ActivationModel model) => char.ToLowerInvariant(model.Name[0]) + model.Name.Substring(1) + "Torch";
}
