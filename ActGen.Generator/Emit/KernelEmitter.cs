using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Model;
using ActGen.Generator.Naming;

namespace ActGen.Generator.Emit;

/// <summary>
/// Emits one fused element-wise span kernel: a single pass that reads the input (or the forward's output, and the
/// incoming gradient, and per-element parameters), computes the expression and writes the result. Vectorised with
/// <c>Vector&lt;T&gt;</c> when every primitive has a vector form, with a scalar loop for the tail. Every local is
/// spelled by the activation's <see cref="Namer"/>, so no user name can meet one.
/// </summary>
internal static class KernelEmitter
{
    public static void Emit(SourceWriter w, ActivationModel model, Kernel kernel, NumericType type)
    {
        var namer = Namer.For(model);
        var spans = new HashSet<string>(kernel.SpanParameters);
        var source = namer.Fresh(kernel.Source);
        var reads = new[] { source }
            .Concat(kernel.ReadsGradOutput ? [namer.Fresh("gradOutput")] : [])
            .Concat(kernel.ReadsGradGrad ? [namer.Fresh("gradGradInput")] : [])
            .ToList();
        var output = namer.Fresh(kernel.Output);
        var spanParameters = model.Parameters.Where(p => spans.Contains(p.Name)).Select(p => namer.User(p.Name)).ToList();
        var signature = string.Join(", ", reads.Select(r => $"global::System.ReadOnlySpan<{type.Keyword}> {r}")
            .Append($"global::System.Span<{type.Keyword}> {output}"));
        var parameters = ParameterLists.Declarations(model.Parameters, type, namer, spans.Count > 0 ? spans : null);
        var chain = LetChain.Of(kernel.Body);
        var inputs = reads.Concat(spanParameters).ToList();

        w.Line($"/// <summary>{kernel.Summary}</summary>")
            .Line(GeneratedAttributes.GeneratedCode)
            .Line(GeneratedAttributes.FullyOptimized)
            .Open($"{model.Site.MethodAccessibility} static void {kernel.Name}({ParameterLists.WithLeading(signature, parameters)})");
        var mismatch = string.Join(" || ", inputs.Skip(1).Append(output).Select(s => $"{s}.Length != {source}.Length"));
        w.Open($"if ({mismatch})")
            .Line($"throw new global::System.ArgumentException(\"{string.Join(", ", inputs.Append(output))} must have the same length.\");")
            .Close();
        foreach (var (read, k) in inputs.Select((r, k) => (r, k)))
        {
            var offset = namer.Fresh($"offset{k}");
            // Exactly in place is fine (each element is read before it is written); a shifted overlap is not.
            w.Open($"if (global::System.MemoryExtensions.Overlaps({read}, {output}, out var {offset}) && {offset} != 0)")
                .Line($"throw new global::System.ArgumentException(\"{output} overlaps {read} partially: "
                    + "pass the same span or separate ones.\");")
                .Close();
        }

        var i = namer.Fresh("i");
        w.Line($"var {i} = 0;");
        var names = new KernelNames(model, namer, spans, source, output, i);
        if (VectorEmitter.CanVectorize(kernel.Body))
        {
            VectorLoop(w, kernel, type, chain, names, reads, spanParameters);
        }

        ScalarLoop(w, kernel, type, chain, names);
        w.Close();
    }

    private static void VectorLoop(
        SourceWriter w,
        Kernel kernel,
        NumericType type,
        LetChain chain,
        KernelNames names,
        IReadOnlyList<string> reads,
        IReadOnlyList<string> spanParameters)
    {
        var (namer, i) = (names.Namer, names.Index);
        string Load(string span) => $"global::System.Numerics.Vector.LoadUnsafe(ref {names.Start(span)}, (nuint){i})";

        w.Open("if (global::System.Numerics.Vector.IsHardwareAccelerated)");
        foreach (var p in names.Model.Parameters.Where(p => !names.Spans.Contains(p.Name)))
        {
            w.Line($"var {names.VectorOf(p.Name)} = new {type.VectorType}({namer.User(p.Name)});");
        }

        foreach (var span in reads.Concat(spanParameters).Append(names.Output))
        {
            w.Line($"ref var {names.Start(span)} = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference({span});");
        }

        w.Open($"for (; {i} <= {names.Source}.Length - {type.VectorType}.Count; {i} += {type.VectorType}.Count)");
        w.Line($"var {names.Vector(kernel.ReadsOutput ? OutputForm.Output : names.Model.Input)} = {Load(names.Source)};");
        if (kernel.ReadsGradOutput)
        {
            w.Line($"var {names.Vector(Lowering.GradOutput)} = {Load(reads[1])};");
        }

        if (kernel.ReadsGradGrad)
        {
            w.Line($"var {names.Vector(SecondOrder.GradGrad)} = {Load(reads[2])};");
        }

        foreach (var p in names.Model.Parameters.Where(p => names.Spans.Contains(p.Name)))
        {
            w.Line($"var {names.VectorOf(p.Name)} = {Load(namer.User(p.Name))};");
        }

        foreach (var (local, value) in chain.Locals)
        {
            w.Line($"var {namer.Ir(local)} = {VectorEmitter.Emit(value, type, names.Vector)};");
        }

        var result = namer.Fresh("result");
        w.Line($"var {result} = {VectorEmitter.Emit(chain.Result, type, names.Vector)};")
            .Line($"global::System.Numerics.Vector.StoreUnsafe({result}, ref {names.Start(names.Output)}, (nuint){i});");
        w.Close().Close();
    }

    private static void ScalarLoop(SourceWriter w, Kernel kernel, NumericType type, LetChain chain, KernelNames names)
    {
        var i = names.Index;
        w.Open($"for (; {i} < {names.Source}.Length; {i}++)");
        w.Line($"var {names.Scalar(kernel.ReadsOutput ? OutputForm.Output : names.Model.Input)} = {names.Source}[{i}];");
        if (kernel.ReadsGradOutput)
        {
            w.Line($"var {names.Scalar(Lowering.GradOutput)} = {names.Namer.Fresh("gradOutput")}[{i}];");
        }

        if (kernel.ReadsGradGrad)
        {
            w.Line($"var {names.Scalar(SecondOrder.GradGrad)} = {names.Namer.Fresh("gradGradInput")}[{i}];");
        }

        foreach (var (local, value) in chain.Locals)
        {
            w.Line($"var {names.Namer.Ir(local)} = {ScalarEmitter.Emit(value, type, names.Scalar)};");
        }

        w.Line($"{names.Output}[{i}] = {ScalarEmitter.Emit(chain.Result, type, names.Scalar)};");
        w.Close();
    }
}
