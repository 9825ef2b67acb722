using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>
/// What the generated tensor code of one activation hands to the runtime: its span kernels (through
/// <see cref="Definition"/>), the backward kernels of its learnable parameters, and a TorchScript program
/// with <c>forward</c>, <c>backward</c> and one <c>grad_{name}</c> per learnable parameter for every other device and dtype.
/// </summary>
public sealed class TorchActivation(
    ActivationDefinition definition,
    IReadOnlyDictionary<string, SpanBackward<double>> learnableDouble,
    IReadOnlyDictionary<string, SpanBackward<float>> learnableSingle,
    string script)
{
    // Compiled here, when the activation is first used, not on a first non-contiguous call inside autograd's native
    // backward. (TorchSharp 0.107's jit.compile ends the process on a program libtorch rejects, so the generator emits
    // only what libtorch compiles; a managed failure still becomes an exception that names the activation.)
    private readonly jit.CompilationUnit compiled = Compile(definition, script);

    public ActivationDefinition Definition { get; } = definition;

    /// <summary>Per learnable parameter: a kernel writing gradOutput · ∂f/∂θ per element.</summary>
    public IReadOnlyDictionary<string, SpanBackward<double>> LearnableDouble { get; } = learnableDouble;

    public IReadOnlyDictionary<string, SpanBackward<float>> LearnableSingle { get; } = learnableSingle;

    public string Script { get; } = script;

    /// <summary>The TorchScript program, compiled once, when this object is made.</summary>
    public jit.CompilationUnit Compiled => compiled;

    /// <summary>TorchScript's parser wants every statement ended by a newline; the generated raw string has none after the last.</summary>
    private static jit.CompilationUnit Compile(ActivationDefinition definition, string script)
    {
        try
        {
            return jit.compile(script.EndsWith("\n", StringComparison.Ordinal) ? script : script + "\n");
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"ActGen could not compile the TorchScript program of {definition.Owner}.{definition.Name} (its fallback for non-contiguous "
                + $"tensors, other dtypes and devices): {e.Message}",
                e);
        }
    }

    /// <summary>Parameters passed as tensors (learnable and randomized), in declaration order (read on every call, so kept).</summary>
    public IReadOnlyList<ActivationParameter> TensorParameters { get; } =
        definition.Parameters.Where(p => p.Role != ParameterRole.Hyper).ToList();

    public IReadOnlyList<ActivationParameter> HyperParameters { get; } =
        definition.Parameters.Where(p => p.Role == ParameterRole.Hyper).ToList();
}
