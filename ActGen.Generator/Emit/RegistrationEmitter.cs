using System.Linq;
using ActGen.Generator.Model;
using ActGen.Generator.Naming;

namespace ActGen.Generator.Emit;

/// <summary>Emits a module initializer that registers the activation with <c>ActGen.ActivationRegistry</c>.</summary>
internal static class RegistrationEmitter
{
    public static void Emit(SourceWriter w, LoweredActivation activation, bool torch)
    {
        var model = activation.Model;
        var self = model.Site.QualifiedClass;
        var initializers = (torch ? new[] { $"CreateModule = static () => new {self}.{MemberNames.Module(model.Name)}()" } : [])
            .Concat(activation.BackwardReadsOutput ? ["BackwardFromOutput = true"] : [])
            .Append($"CudaSource = {self}.{MemberNames.CudaSource(model.Name)}")
            .Concat(torch ? [$"TorchScript = {self}.{MemberNames.TorchScript(model.Name)}"] : [])
            .ToList();
        var parameters = string.Join(", ", model.Parameters.Select(p =>
            $"new global::ActGen.ActivationParameter(\"{p.Name}\", global::ActGen.ParameterRole.{p.Kind}, "
                + $"{NumericType.Double.Literal(p.Value)}, {NumericType.Double.Literal(p.Lower)}, "
                + $"{NumericType.Double.Literal(p.Upper)})"));
        var name = model.Name;
        string Scalar(string method) => model.Parameters.Count == 0
            ? $"static (x, _) => {self}.{method}(x)"
            : $"static (x, m) => {{ var p = m.Span; return {self}.{method}(x{Arguments(model, "", null)}); }}";

        w.Line($"/// <summary>{name}, its derivative and kernels as data, "
                + "for the registry and for code that picks activations by name.</summary>")
            .Line(GeneratedAttributes.GeneratedCode)
            .Line($"{model.Site.MethodAccessibility} static readonly global::ActGen.ActivationDefinition "
                + $"{MemberNames.Definition(name)} = new(")
            .Line($"    \"{name}\",")
            .Line($"    \"{model.Site.Owner}\",")
            .Line(model.Parameters.Count == 0
                ? "    global::System.Array.Empty<global::ActGen.ActivationParameter>(),"
                : $"    new global::ActGen.ActivationParameter[] {{ {parameters} }},")
            .Line($"    {Scalar(Identifiers.Escape(name))},")
            .Line($"    {Scalar(MemberNames.Derivative(name))},");
        Kernels(w, activation, NumericType.Double, ",");
        Kernels(w, activation, NumericType.Float, ")");
        w.Line($"{{ {string.Join(", ", initializers)} }};")
            .Line()
            .Line($"/// <summary>Registers {name} with <see cref=\"global::ActGen.ActivationRegistry\"/> "
                + "when this assembly loads.</summary>")
            .Line(GeneratedAttributes.GeneratedCode)
            .Line("[global::System.Runtime.CompilerServices.ModuleInitializer]")
            .Line($"internal static void {MemberNames.Register(name)}() => "
                + $"global::ActGen.ActivationRegistry.Register({self}.{MemberNames.Definition(name)});");
    }

    /// <summary>
    /// <c>new ActivationKernels&lt;T&gt;(forward, backward)</c>, with the per-element variants when the only tensor
    /// parameter is randomized (its slopes are then drawn per element in training), and the second-order kernels.
    /// </summary>
    private static void Kernels(SourceWriter w, LoweredActivation activation, NumericType type, string end)
    {
        var model = activation.Model;
        var tensorParameters = ParameterOrder.Tensors(model);
        var each = tensorParameters.Count == 1 && tensorParameters[0].Kind == ParameterKind.Randomized ? tensorParameters[0].Name : null;
        var cast = type == NumericType.Float ? "(float)" : "";
        string Arguments(bool perElement) => RegistrationEmitter.Arguments(model, cast, perElement ? each : null);
        var self = model.Site.QualifiedClass;
        var forward = $"{self}.{MemberNames.Forward(model.Name)}";
        var backward = $"{self}.{KernelSet.BackwardName(activation)}";
        w.Line($"    new global::ActGen.ActivationKernels<{type.Keyword}>(")
            .Line($"        static (input, output, p) => {forward}(input, output{Arguments(false)}),")
            .Line($"        static (input, gradOutput, gradInput, p) => {backward}(input, gradOutput, gradInput{Arguments(false)}))")
            .Line("    {");
        if (each is not null)
        {
            w.Line("        PerElement = new(")
                .Line($"            static (input, output, each, p) => {forward}(input, output{Arguments(true)}),")
                .Line($"            static (input, gradOutput, gradInput, each, p) => "
                    + $"{backward}(input, gradOutput, gradInput{Arguments(true)})),");
        }

        if (activation.ParameterDerivatives.Count > 0)
        {
            w.Line($"        ParameterGradients = {ParameterGradients(activation, type)},");
        }

        w.Line($"        SecondOrder = new global::ActGen.SecondOrderKernel<{type.Keyword}>[]")
            .Line("        {");
        foreach (var d in activation.SecondOrder)
        {
            w.Line($"            new({Quoted(d.First)}, {Quoted(d.Second)}, static (input, gradOutput, gradGradInput, gradient, p) => "
                + $"{self}.{KernelSet.SecondBackwardName(activation, d)}(input, gradOutput, gradGradInput, gradient{Arguments(false)})),");
        }

        w.Line("        },")
            .Line("    }" + end);
    }

    /// <summary>A dictionary of each learnable parameter's kernel writing gradOutput · ∂f/∂θ, by the parameter's name.</summary>
    private static string ParameterGradients(LoweredActivation activation, NumericType type)
    {
        var model = activation.Model;
        var cast = type == NumericType.Float ? "(float)" : "";
        return $"new global::System.Collections.Generic.Dictionary<string, global::ActGen.SpanBackward<{type.Keyword}>> {{ "
            + string.Join(", ", activation.ParameterDerivatives.Select(d =>
                $"[\"{d.Parameter}\"] = static (input, gradOutput, gradParameter, p) => "
                + $"{model.Site.QualifiedClass}.{MemberNames.ParameterBackward(model.Name, d.Parameter)}"
                + $"(input, gradOutput, gradParameter{Arguments(model, cast, null)})"))
            + " }";
    }

    private static string Quoted(string? name) => name is null ? "null" : $"\"{name}\"";

    /// <summary>
    /// ", p[0], p[1], …": every parameter from the array <c>p</c>, cast as given, except <paramref name="each"/>
    /// (passed as <c>each</c>).
    /// </summary>
    internal static string Arguments(ActivationModel model, string cast, string? each) =>
        string.Concat(model.Parameters.Select((p, i) => p.Name == each ? ", each" : $", {cast}p[{i}]"));
}
