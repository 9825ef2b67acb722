using System.Linq;
using ActGen.Generator.Model;

namespace ActGen.Generator.Emit;

/// <summary>Emits a module initializer that registers the activation with <c>ActGen.ActivationRegistry</c>.</summary>
internal static class RegistrationEmitter
{
    public static void Emit(SourceWriter w, ActivationModel model, bool torch, bool backwardFromOutput)
    {
        var initializers = (torch ? new[] { $"CreateModule = static () => new {model.Name}Module()" } : [])
            .Concat(backwardFromOutput ? ["BackwardFromOutput = true"] : []).ToList();
        var owner = model.Site.Namespace.Length == 0 ? model.Site.ClassName : $"{model.Site.Namespace}.{model.Site.ClassName}";
        var parameters = string.Join(", ", model.Parameters.Select(p =>
            $"new global::ActGen.ActivationParameter(\"{p.Name}\", global::ActGen.ParameterRole.{p.Kind}, {NumericType.Double.Literal(p.Value)}, {NumericType.Double.Literal(p.Lower)}, {NumericType.Double.Literal(p.Upper)})"));
        var name = model.Name;
        string Scalar(string method) => model.Parameters.Count == 0
            ? $"static (x, _) => {method}(x)"
            : $"static (x, m) => {{ var p = m.Span; return {method}(x{Arguments(model, "", null)}); }}";

        w.Line($"/// <summary>{name}, its derivative and kernels as data, for the registry and for code that picks activations by name.</summary>")
            .Line(Naming.GeneratedCode)
            .Line($"{model.Site.MethodAccessibility} static readonly global::ActGen.ActivationDefinition {name}Definition = new(")
            .Line($"    \"{name}\",")
            .Line($"    \"{owner}\",")
            .Line(model.Parameters.Count == 0
                ? "    global::System.Array.Empty<global::ActGen.ActivationParameter>(),"
                : $"    new global::ActGen.ActivationParameter[] {{ {parameters} }},")
            .Line($"    {Scalar(name)},")
            .Line($"    {Scalar(Naming.Derivative(name))},");
        Kernels(w, model, NumericType.Double, ",");
        Kernels(w, model, NumericType.Float, ")");
        w.Line(initializers.Count > 0 ? $"{{ {string.Join(", ", initializers)} }};" : ";")
            .Line()
            .Line($"/// <summary>Registers {name} with <see cref=\"global::ActGen.ActivationRegistry\"/> when this assembly loads.</summary>")
            .Line(Naming.GeneratedCode)
            .Line("[global::System.Runtime.CompilerServices.ModuleInitializer]")
            .Line($"internal static void Register{name}() => global::ActGen.ActivationRegistry.Register({name}Definition);");
    }

    /// <summary>
    /// <c>new ActivationKernels&lt;T&gt;(forward, backward)</c>, with the per-element variants when the only tensor
    /// parameter is randomized (its slopes are then drawn per element in training).
    /// </summary>
    private static void Kernels(SourceWriter w, ActivationModel model, NumericType type, string end)
    {
        var tensorParameters = model.Parameters.Where(p => p.Kind != ParameterKind.Hyper).ToList();
        var each = tensorParameters.Count == 1 && tensorParameters[0].Kind == ParameterKind.Randomized ? tensorParameters[0].Name : null;
        var cast = type == NumericType.Float ? "(float)" : "";
        string Arguments(bool perElement) => RegistrationEmitter.Arguments(model, cast, perElement ? each : null);
        var name = model.Name;
        w.Line($"    new global::ActGen.ActivationKernels<{type.Keyword}>(")
            .Line($"        static (input, output, p) => {name}Forward(input, output{Arguments(false)}),")
            .Line($"        static (input, gradOutput, gradInput, p) => {name}Backward(input, gradOutput, gradInput{Arguments(false)}))" + (each is null ? end : ""));
        if (each is not null)
        {
            w.Line("    {")
                .Line("        PerElement = new(")
                .Line($"            static (input, output, each, p) => {name}Forward(input, output{Arguments(true)}),")
                .Line($"            static (input, gradOutput, gradInput, each, p) => {name}Backward(input, gradOutput, gradInput{Arguments(true)})),")
                .Line("    }" + end);
        }
    }

    /// <summary>", p[0], p[1], …": every parameter from the array <c>p</c>, cast as given, except <paramref name="each"/> (passed as <c>each</c>).</summary>
    private static string Arguments(ActivationModel model, string cast, string? each) =>
        string.Concat(model.Parameters.Select((p, i) => p.Name == each ? ", each" : $", {cast}p[{i}]"));
}
