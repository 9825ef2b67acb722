using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Calculus;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;
using ActGen.Generator.Naming;

namespace ActGen.Generator.Emit.Cuda;

/// <summary>
/// The CUDA C++ source of one activation, for NVRTC: its element functions (forward, backward, ∂/∂θ and the activations
/// it calls, the second order) as templates over the element type, and <c>extern "C"</c> kernels with one ABI, for float
/// and double: <c>(const T* in[, const T* gy[, const T* gg]], T* out, long long n, parameters…)</c>, each a grid-stride
/// loop with a 64-bit index,
/// over 16-byte vectors where the pointers allow and elements for the rest; float16 and bfloat16 as well, computed in float.
/// A hyper-parameter is a <c>double</c>; a tensor parameter is a pointer and its layout, <c>inner</c> and <c>channels</c>
/// (see <c>actgen_parameter_index</c>): one value for all, one per element, or one per channel of a dimension.
/// Under <c>ACTGEN_HOST_CHECK</c> it also defines host launchers, for the check on the CPU.
/// </summary>
internal static class CudaProgram
{
    public static string For(LoweredActivation activation)
    {
        var model = activation.Model;
        var space = Space(model);
        var calls = activation.Callees.Select((c, i) => (c.Key, Index: i)).ToDictionary(c => c.Key, c => c.Index);
        string Function(string target) => $"call_{calls[CallTargets.Activation(target)]}{(CallTargets.IsDerivative(target) ? "_d" : "")}";

        var w = new SourceWriter();
        w.Line($"// ActGen: the CUDA kernels of {model.Site.Owner}.{model.Name}, generated from its C# expression. Do not edit.");
        CudaPreamble.Write(w);
        w.Line($"namespace {space} {{").Line();
        foreach (var callee in activation.Callees)
        {
            var names = Positional(callee.Model);
            var parameters = callee.Model.Parameters.Select((_, k) => $"T p{k}").Prepend("T x").ToList();
            Element(w, Function(callee.Key), parameters, callee.Forward, names, Function);
            Element(w, Function(CallTargets.Derivative(callee.Key)), parameters, callee.Derivative, names, Function);
        }

        var own = Positional(model);
        var values = model.Parameters.Select((_, k) => $"T p{k}").ToList();
        var source = activation.BackwardReadsOutput ? "y" : "x";
        Element(w, "forward", [.. values.Prepend("T x")], activation.Forward, own, Function);
        Element(w, "backward", [$"T {source}", "T gy", .. values], activation.Backward, own, Function);
        foreach (var d in activation.ParameterDerivatives)
        {
            Element(w, $"grad_{Index(model, d.Parameter)}", ["T x", "T gy", .. values], d.Gradient, own, Function);
        }

        foreach (var d in activation.SecondOrder)
        {
            Element(w, TorchScriptProgram.SecondName(model, d), [$"T {source}", "T gy", "T gg", .. values], d.Body, own, Function);
        }

        w.Line($"}}  // namespace {space}").Line();
        foreach (var kernel in Kernels(activation))
        {
            foreach (var type in CudaElementType.All)
            {
                Kernel(w, model, kernel, type, space);
            }
        }

        return w.ToString();
    }

    /// <summary>The C++ namespace of an activation: ASCII, and distinct for distinct activations.</summary>
    public static string Space(ActivationModel model) =>
        "actgen_" + Identifiers.Hint($"{model.Site.Owner}.{model.Name}").Replace(".", "__");

    /// <summary>A kernel's <c>extern "C"</c> name.</summary>
    public static string KernelName(ActivationModel model, string kernel, CudaElementType type) =>
        $"{Space(model)}_{kernel}_{type.Suffix}";

    /// <param name="Reads">The arrays read element by element: <c>in</c>, then <c>gy</c> and <c>gg</c> where the kernel takes them.</param>
    private sealed record KernelSpec(string Name, string Element, IReadOnlyList<string> Reads);

    private static readonly string[] ForwardReads = ["in"];
    private static readonly string[] BackwardReads = ["in", "gy"];
    private static readonly string[] SecondOrderReads = ["in", "gy", "gg"];

    /// <summary>
    /// Forward, backward, each ∂/∂θ, and the second order (<c>second_{a}_{b}</c>, the names of the TorchScript program's
    /// functions): gg · gy · ∂²f/∂a∂b per element, the backward's own backward.
    /// </summary>
    private static IEnumerable<KernelSpec> Kernels(LoweredActivation activation) =>
        new[]
        {
            new KernelSpec("forward", "forward", ForwardReads),
            new KernelSpec(activation.BackwardReadsOutput ? "backward_from_output" : "backward", "backward", BackwardReads),
        }.Concat(activation.ParameterDerivatives.Select(d =>
            new KernelSpec($"grad_{Index(activation.Model, d.Parameter)}", $"grad_{Index(activation.Model, d.Parameter)}", BackwardReads)))
        .Concat(activation.SecondOrder.Select(d =>
            new KernelSpec(TorchScriptProgram.SecondName(activation.Model, d), TorchScriptProgram.SecondName(activation.Model, d), SecondOrderReads)));

    private static int Index(ActivationModel model, string parameter) => model.Parameters.Select(p => p.Name).ToList().IndexOf(parameter);

    /// <summary>x, y, gy, t0… and p0, p1… by declaration index: the user's names never reach C++.</summary>
    private static System.Func<string, string> Positional(ActivationModel model)
    {
        var parameters = model.Parameters.Select((p, k) => (p.Name, k)).ToDictionary(p => p.Name, p => $"p{p.k}");
        return n => n == model.Input ? "x" : Namer.IsInternal(n) ? n.Substring(Namer.Internal.Length) : parameters[n];
    }

    private static void Element(
        SourceWriter w,
        string name,
        IReadOnlyList<string> parameters,
        Expr body,
        System.Func<string, string> names,
        System.Func<string, string> function)
    {
        var chain = LetChain.Of(body);
        w.Open($"template <typename T> __device__ __forceinline__ T {name}({string.Join(", ", parameters)})");
        foreach (var (local, value) in chain.Locals)
        {
            w.Line($"const T {names(local)} = {CudaEmitter.Emit(value, names, function)};");
        }

        w.Line($"return {CudaEmitter.Emit(chain.Result, names, function)};").Close().Line();
    }

    /// <summary>
    /// A grid-stride loop over 16-byte vectors (float4, double2, eight halves) where the input, gradient and output are 16-byte aligned, then
    /// (or else) a scalar loop over what is left: each element computed exactly as in the scalar loop.
    /// </summary>
    private static void Kernel(SourceWriter w, ActivationModel model, KernelSpec kernel, CudaElementType element, string space)
    {
        var (reads, type, compute) = (kernel.Reads, element.Storage, element.Compute);
        var parameters = model.Parameters.Select((p, k) => ParameterOrder.IsTensor(p)
            ? $"const {type}* __restrict__ p{k}, long long p{k}_inner, long long p{k}_channels"
            : $"double p{k}").ToList();
        var signature = reads.Select(r => $"const {type}* __restrict__ {r}")
            .Append($"{type}* __restrict__ out")
            .Append("long long n")
            .Concat(parameters);
        string Values(string index) => string.Join("", model.Parameters.Select((p, k) => ParameterOrder.IsTensor(p)
            ? $", {element.Loaded($"p{k}[actgen_parameter_index({index}, p{k}_inner, p{k}_channels)]")}"
            : $", ({compute})p{k}"));
        var name = KernelName(model, kernel.Name, element);
        w.Open($"extern \"C\" __global__ void {name}({string.Join(", ", signature)})")
            .Line("const long long stride = (long long)blockDim.x * gridDim.x;")
            .Line("const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;")
            .Line("long long done = 0;");
        VectorLoop(w, kernel, element, space, Values);
        var arguments = string.Join(", ", reads.Select(r => element.Loaded($"{r}[i]"))) + Values("i");
        w.Open("for (long long i = done + first; i < n; i += stride)")
            .Line($"out[i] = {element.Stored($"{space}::{kernel.Element}<{compute}>({arguments})")};")
            .Close()
            .Close();
        HostLauncher(w, model, kernel, type, name);
    }

    private static void VectorLoop(SourceWriter w, KernelSpec kernel, CudaElementType element, string space, System.Func<string, string> values)
    {
        var (reads, vector, lanes) = (kernel.Reads, element.Vector, element.Lanes);
        // Parameters are read one element at a time in both loops, so their alignment does not matter.
        var aligned = reads.Append("out").Select(r => $"actgen_aligned16({r})");
        w.Open($"if ({string.Join(" && ", aligned)})")
            .Line($"const long long vectors = n / {lanes.Count};")
            .Open("for (long long v = first; v < vectors; v += stride)");
        foreach (var r in reads)
        {
            w.Line($"const {vector} {r}v = reinterpret_cast<const {vector}*>({r})[v];");
        }

        w.Line($"{vector} result;");
        foreach (var (lane, j) in lanes.Select((l, j) => (l, j)))
        {
            var arguments = string.Join(", ", reads.Select(r => element.Loaded($"{r}v.{lane}"))) + values($"{lanes.Count} * v + {j}");
            w.Line($"result.{lane} = {element.Stored($"{space}::{kernel.Element}<{element.Compute}>({arguments})")};");
        }

        w.Line($"reinterpret_cast<{vector}*>(out)[v] = result;")
            .Close()
            .Line($"done = vectors * {lanes.Count};")
            .Close();
    }

    /// <summary>
    /// For the check on the CPU: one launcher ABI for every kernel, <c>(grid, block, in, gy, gg, out, n, hyper, tensors,
    /// inners, channels)</c>, parameter k read from <c>hyper[k]</c> or from <c>tensors[k]</c>, <c>inners[k]</c> and <c>channels[k]</c>.
    /// </summary>
    private static void HostLauncher(SourceWriter w, ActivationModel model, KernelSpec kernel, string type, string name)
    {
        var arguments = kernel.Reads.Select(r => $"(const {type}*){r}")
            .Append($"({type}*)out")
            .Append("n")
            .Concat(model.Parameters.Select((p, k) =>
                ParameterOrder.IsTensor(p) ? $"(const {type}*)tensors[{k}], inners[{k}], channels[{k}]" : $"hyper[{k}]"));
        w.Line("#ifdef ACTGEN_HOST_CHECK")
            .Line($"extern \"C\" void actgen_host_{name}(unsigned grid, unsigned block, const void* in, const void* gy, const void* gg, void* out, "
                + "long long n, const double* hyper, const void* const* tensors, const long long* inners, const long long* channels)")
            .Line("{ (void)gy; (void)gg; (void)hyper; (void)tensors; (void)inners; (void)channels; "
                + $"actgen_host_launch(grid, block, [&] {{ {name}({string.Join(", ", arguments)}); }}); }}")
            .Line("#endif")
            .Line();
    }
}
