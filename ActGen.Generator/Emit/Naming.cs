using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Model;

namespace ActGen.Generator.Emit;

/// <summary>Names used in generated code, so that they are spelled once.</summary>
internal static class Naming
{
    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"ActGen\", \"0.1.0\")]";

    /// <summary>
    /// Kernels are long loops called few times: tier-0 code (before the JIT's tiering promotes them) runs them
    /// several times slower, so they are compiled fully optimised from the first call.
    /// </summary>
    public const string FullyOptimized = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";

    /// <summary>Names the kernels use for their own locals and parameters; activation parameters may not use them.</summary>
    public static readonly IReadOnlyCollection<string> KernelNames =
        ["x", "gy", "i", "input", "output", "gradOutput", "gradInput", "gradParameter", "xv", "gyv", "result"];

    public static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    public static string Derivative(string activation) => activation + "Derivative";

    public static string ParameterDerivative(string activation, string parameter) => activation + "Derivative" + Pascal(parameter);

    public static string VectorLocal(string name) => name + "V";

    /// <summary>Names CSE must not invent: every parameter and every kernel name.</summary>
    public static IReadOnlyCollection<string> Reserved(ActivationModel model) =>
        KernelNames.Concat(model.Parameters.Select(p => p.Name)).Concat(model.Parameters.Select(p => VectorLocal(p.Name)))
            .Append(model.Input).ToList();
}
