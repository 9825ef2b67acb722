using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Model;
using ActGen.Generator.Naming;

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
        w.Open($"{model.Site.ClassAccessibility} static partial class {Identifiers.Escape(model.Site.ClassName)}");
        TensorFunction(w, activation);
        w.Line();
        Module(w, model);
        w.Line();
        Autograd(w, activation);
        w.Close();
        return w.ToString();
    }

    private static IReadOnlyList<ParameterModel> Randomized(ActivationModel m) =>
        m.Parameters.Where(p => p.Kind == ParameterKind.Randomized).ToList();

    private static string Lower(ActivationModel m, ParameterModel p) =>
        Namer.For(m).Fresh(Randomized(m).Count == 1 ? "lower" : p.Name + "Lower");

    private static string Upper(ActivationModel m, ParameterModel p) =>
        Namer.For(m).Fresh(Randomized(m).Count == 1 ? "upper" : p.Name + "Upper");

    private static string Hyper(ActivationModel m) =>
        string.Join(", ", ParameterOrder.Hyper(m).Select(p => Identifiers.Escape(p.Name)));

    private static string Function(ActivationModel m) => $"{m.Site.QualifiedClass}.{MemberNames.Function(m.Name)}";

    private static string Glue(ActivationModel m) => $"{m.Site.QualifiedClass}.{MemberNames.Torch(m.Name)}";

    private static void TensorFunction(SourceWriter w, LoweredActivation activation)
    {
        var model = activation.Model;
        var namer = Namer.For(model);
        var randomized = Randomized(model);
        var training = namer.Fresh("training");
        var declarations = new List<string> { $"{Tensor} {namer.User(model.Input)}" };
        declarations.AddRange(model.Parameters.Where(p => p.Kind == ParameterKind.Learnable).Select(p => $"{Tensor} {namer.User(p.Name)}"));
        if (randomized.Count > 0)
        {
            declarations.Add($"bool {training} = false");
            declarations.AddRange(randomized.SelectMany(p => new[]
            {
                $"double {Lower(model, p)} = {NumericType.Double.Literal(p.Lower)}",
                $"double {Upper(model, p)} = {NumericType.Double.Literal(p.Upper)}",
            }));
        }

        declarations.AddRange(ParameterOrder.Hyper(model)
            .Select(p => $"double {namer.User(p.Name)} = {NumericType.Double.Literal(p.Value)}"));
        string Drawn(ParameterModel p) => namer.Fresh(p.Name + "Drawn");
        var tensorArguments = ParameterOrder.Tensors(model).Select(p => p.Kind == ParameterKind.Learnable ? namer.User(p.Name) : Drawn(p));
        var hyper = ParameterOrder.Hyper(model).Select(p => namer.User(p.Name));
        var arguments = string.Join(", ", new[] { namer.User(model.Input) }.Concat(tensorArguments).Concat(hyper));
        var drawn = randomized.Count > 0
            ? $" Randomized parameters are drawn per element when <paramref name=\"{training}\"/>, else at their mean."
            : "";
        var signature = $"{model.Site.MethodAccessibility} static {Tensor} {Identifiers.Escape(model.Name)}"
            + $"({string.Join(", ", declarations)})";
        var saved = activation.BackwardReadsOutput ? "output" : "input";
        w.Line($"/// <summary>{model.Name} over a tensor, differentiable: a custom autograd function that saves only its {saved} "
                + $"and runs fused kernels on CPU.{drawn}</summary>")
            .Line(GeneratedAttributes.GeneratedCode);
        if (randomized.Count == 0)
        {
            w.Line($"{signature} =>").Line($"    {Function(model)}.apply({arguments});");
            return;
        }

        // The draws are released as soon as the function has saved them, not left to the garbage collector.
        w.Block(signature, b =>
        {
            foreach (var p in randomized)
            {
                b.Line($"using var {Drawn(p)} = global::ActGen.Torch.RandomizedParameter.Draw("
                    + $"{namer.User(model.Input)}, {training}, {Lower(model, p)}, {Upper(model, p)});");
            }

            b.Line($"return {Function(model)}.apply({arguments});");
        });
    }

    private static void Module(SourceWriter w, ActivationModel model)
    {
        var namer = Namer.For(model);
        var learnable = model.Parameters.Where(p => p.Kind == ParameterKind.Learnable).ToList();
        var numParameters = namer.Fresh("numParameters");
        var arguments = namer.Fresh("arguments");
        var declarations = new List<string>();
        if (learnable.Count > 0)
        {
            declarations.Add($"long {numParameters} = 1");
        }

        declarations.AddRange(model.Parameters.Select(p => p.Kind switch
        {
            ParameterKind.Randomized => $"double {Lower(model, p)} = {NumericType.Double.Literal(p.Lower)}, "
                + $"double {Upper(model, p)} = {NumericType.Double.Literal(p.Upper)}",
            _ => $"double {namer.User(p.Name)} = {NumericType.Double.Literal(p.Value)}",
        }));
        var settings = ParameterOrder.Tensors(model).Select(p => p.Kind == ParameterKind.Learnable
            ? $"new({namer.User(p.Name)}, 0.0, 0.0)"
            : $"new(({Lower(model, p)} + {Upper(model, p)}) / 2, {Lower(model, p)}, {Upper(model, p)})");
        var module = MemberNames.Module(model.Name);
        w.Line($"/// <summary>{model.Name} as a module: hyper-parameters fixed here, learnable parameters as <c>Parameter</c>s, "
                + "honours train()/eval().</summary>")
            .Line(GeneratedAttributes.GeneratedCode)
            .Open($"{model.Site.MethodAccessibility} sealed class {module} : global::ActGen.Torch.ActivationModule")
            .Line($"public {module}({string.Join(", ", declarations)})")
            .Line($"    : base(\"{model.Name}\", {Glue(model)}, static {arguments} => {Function(model)}.apply({arguments}), "
                + $"[{Hyper(model)}], [{string.Join(", ", settings)}], {(learnable.Count > 0 ? numParameters : "1")})")
            .Line("{")
            .Line("}")
            .Close();
    }

    private static void Autograd(SourceWriter w, LoweredActivation activation)
    {
        var model = activation.Model;
        var self = model.Site.QualifiedClass;
        var field = MemberNames.TorchField(model.Name);
        w.Line(GeneratedAttributes.GeneratedCode)
            .Line($"private static global::ActGen.Torch.TorchActivation? {field};")
            .Line()
            .Line($"/// <summary>The kernels and TorchScript program behind <see cref=\"{MemberNames.Function(model.Name)}\"/>.</summary>")
            .Line(GeneratedAttributes.GeneratedCode)
            .Line($"internal static global::ActGen.Torch.TorchActivation {MemberNames.Torch(model.Name)} => {self}.{field} ??= new(")
            .Line($"    {self}.{MemberNames.Definition(model.Name)},")
            .Line($"    {self}.{MemberNames.Definition(model.Name)}.Double.ParameterGradients,")
            .Line($"    {self}.{MemberNames.Definition(model.Name)}.Single.ParameterGradients,")
            .Line($"    {self}.{MemberNames.TorchScript(model.Name)});")
            .Line()
            .Line($"/// <summary>{model.Name}'s TorchScript program (forward, backward, ∂/∂θ), for the layouts and devices the "
                + "kernels do not take.</summary>")
            .Line(GeneratedAttributes.GeneratedCode)
            .Line($"internal const string {MemberNames.TorchScript(model.Name)} =")
            .Indent()
            .Line("\"\"\"")
            .Lines(TorchScriptProgram.For(activation).TrimEnd('\n'))
            .Line("\"\"\";")
            .Dedent()
            .Line()
            .Line($"/// <summary>The custom autograd function of {model.Name}.</summary>")
            .Line(GeneratedAttributes.GeneratedCode)
            .Open($"internal sealed class {MemberNames.Function(model.Name)} : global::ActGen.Torch.ActivationFunction<{Function(model)}>")
            .Line($"protected override global::ActGen.Torch.TorchActivation Activation => {Glue(model)};")
            .Close();
    }
}
