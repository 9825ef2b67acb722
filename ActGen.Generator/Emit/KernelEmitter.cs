using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;

namespace ActGen.Generator.Emit;

/// <summary>
/// Emits one fused element-wise span kernel: a single pass that reads the input (or the forward's output, and the
/// incoming gradient, and per-element parameters), computes the expression and writes the result. Vectorised with
/// <c>Vector&lt;T&gt;</c> when every primitive has a vector form, with a scalar loop for the tail.
/// </summary>
internal static class KernelEmitter
{
    public const string GradOutput = "gy";

    /// <param name="ReadsOutput">The first span is the forward's output (y in <paramref name="Body"/>), not the input.</param>
    public sealed record Kernel(string Name, string Summary, bool ReadsGradOutput, string Output, Expr Body, IReadOnlyCollection<string> SpanParameters, bool ReadsOutput = false)
    {
        public string Source => ReadsOutput ? "output" : "input";
    }

    public static void Emit(SourceWriter w, ActivationModel model, Kernel kernel, NumericType type)
    {
        var spans = new HashSet<string>(kernel.SpanParameters);
        var reads = new[] { kernel.Source }.Concat(kernel.ReadsGradOutput ? ["gradOutput"] : []).ToList();
        var signature = string.Join(", ", reads.Select(r => $"global::System.ReadOnlySpan<{type.Keyword}> {r}")
            .Append($"global::System.Span<{type.Keyword}> {kernel.Output}"));
        var parameters = ParameterLists.Declarations(model.Parameters, type, spans.Count > 0 ? spans : null);
        var chain = LetChain.Of(kernel.Body, Naming.Reserved(model));
        var allSpans = reads.Concat(model.Parameters.Where(p => spans.Contains(p.Name)).Select(p => p.Name)).Append(kernel.Output).ToList();

        w.Line($"/// <summary>{kernel.Summary}</summary>")
            .Line(Naming.GeneratedCode)
            .Line(Naming.FullyOptimized)
            .Open($"{model.Site.MethodAccessibility} static void {kernel.Name}({ParameterLists.WithLeading(signature, parameters)})");
        var mismatch = string.Join(" || ", allSpans.Skip(1).Select(s => $"{s}.Length != {kernel.Source}.Length"));
        w.Open($"if ({mismatch})")
            .Line($"throw new global::System.ArgumentException(\"{string.Join(", ", allSpans)} must have the same length.\");")
            .Close()
            .Line("var i = 0;");
        if (VectorEmitter.CanVectorize(kernel.Body))
        {
            VectorLoop(w, model, kernel, type, chain, reads, spans);
        }

        ScalarLoop(w, model, kernel, type, chain, spans);
        w.Close();
    }

    private static void VectorLoop(SourceWriter w, ActivationModel model, Kernel kernel, NumericType type, LetChain chain, IReadOnlyList<string> reads, ISet<string> spans)
    {
        string Name(string n) => n == model.Input ? "xv" : n == OutputForm.Output ? "yv" : n == GradOutput ? "gyv" : model.Parameters.Any(p => p.Name == n) ? Naming.VectorLocal(n) : n;
        string Load(string span) => $"global::System.Numerics.Vector.LoadUnsafe(ref {span}Start, (nuint)i)";
        var spanParameters = model.Parameters.Where(p => spans.Contains(p.Name)).Select(p => p.Name).ToList();

        w.Open("if (global::System.Numerics.Vector.IsHardwareAccelerated)");
        foreach (var p in model.Parameters.Where(p => !spans.Contains(p.Name)))
        {
            w.Line($"var {Naming.VectorLocal(p.Name)} = new {type.VectorType}({p.Name});");
        }

        foreach (var span in reads.Concat(spanParameters).Append(kernel.Output))
        {
            w.Line($"ref var {span}Start = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference({span});");
        }

        w.Open($"for (; i <= {kernel.Source}.Length - {type.VectorType}.Count; i += {type.VectorType}.Count)");
        w.Line($"var {(kernel.ReadsOutput ? "yv" : "xv")} = {Load(kernel.Source)};");
        if (kernel.ReadsGradOutput)
        {
            w.Line($"var gyv = {Load("gradOutput")};");
        }

        foreach (var p in spanParameters)
        {
            w.Line($"var {Naming.VectorLocal(p)} = {Load(p)};");
        }

        foreach (var (local, value) in chain.Locals)
        {
            w.Line($"var {local} = {VectorEmitter.Emit(value, type, Name)};");
        }

        w.Line($"var result = {VectorEmitter.Emit(chain.Result, type, Name)};")
            .Line($"global::System.Numerics.Vector.StoreUnsafe(result, ref {kernel.Output}Start, (nuint)i);");
        w.Close().Close();
    }

    private static void ScalarLoop(SourceWriter w, ActivationModel model, Kernel kernel, NumericType type, LetChain chain, ISet<string> spans)
    {
        string Name(string n) => n == model.Input ? "x" : spans.Contains(n) ? $"{n}[i]" : n;

        w.Open($"for (; i < {kernel.Source}.Length; i++)");
        w.Line(kernel.ReadsOutput ? $"var {OutputForm.Output} = output[i];" : "var x = input[i];");
        if (kernel.ReadsGradOutput)
        {
            w.Line("var gy = gradOutput[i];");
        }

        foreach (var (local, value) in chain.Locals)
        {
            w.Line($"var {local} = {ScalarEmitter.Emit(value, type, Name)};");
        }

        w.Line($"{kernel.Output}[i] = {ScalarEmitter.Emit(chain.Result, type, Name)};");
        w.Close();
    }
}
