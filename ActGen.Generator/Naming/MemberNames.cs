using System.Collections.Generic;
using System.Linq;

namespace ActGen.Generator.Naming;

/// <summary>
/// The members ActGen adds to an activation's class, spelled in one place: the emitters use these, and the
/// parser checks them against the user's own members before anything is generated.
/// </summary>
internal static class MemberNames
{
    public static string Derivative(string activation) => activation + "Derivative";

    public static string ParameterDerivative(string activation, string parameter) => Derivative(activation) + Identifiers.Pascal(parameter);

    public static string Forward(string activation) => activation + "Forward";

    public static string Backward(string activation) => activation + "Backward";

    public static string BackwardFromOutput(string activation) => activation + "BackwardFromOutput";

    public static string ParameterBackward(string activation, string parameter) => Backward(activation) + Identifiers.Pascal(parameter);

    public static string SecondBackward(string activation) => activation + "SecondBackward";

    public static string SecondBackwardFromOutput(string activation) => activation + "SecondBackwardFromOutput";

    /// <summary>The second-order kernel of a pair of variables (null: the input; see <c>SecondDerivative</c>).</summary>
    public static string SecondBackward(string activation, string? first, string? second) =>
        (first, second) switch
        {
            (null, null) => SecondBackward(activation),
            (null, { } b) => SecondBackward(activation) + Identifiers.Pascal(b),
            ({ } a, null) => SecondBackward(activation) + Identifiers.Pascal(a),
            ({ } a, { } b) => SecondBackward(activation) + Identifiers.Pascal(a) + "And" + Identifiers.Pascal(b),
        };

    public static string Definition(string activation) => activation + "Definition";

    public static string CudaSource(string activation) => activation + "CudaSource";

    public static string Register(string activation) => "Register" + activation;

    public static string Module(string activation) => activation + "Module";

    public static string Function(string activation) => activation + "Function";

    public static string Torch(string activation) => activation + "Torch";

    public static string TorchScript(string activation) => activation + "TorchScript";

    /// <summary>The cache behind <see cref="Torch"/>: a name of its own even where the activation's name starts in lower case.</summary>
    public static string TorchField(string activation) => activation + "TorchCache";

    /// <summary>Every member generated for an activation, with what each one is (for the collision message).</summary>
    public static IEnumerable<(string Name, string What)> All(string activation, IEnumerable<string> learnable, bool torch)
    {
        var learned = learnable.ToList();
        var scalar = new[]
        {
            (Derivative(activation), "its derivative"),
            (Forward(activation), "its forward kernel"),
            (Backward(activation), "its backward kernel"),
            (BackwardFromOutput(activation), "its backward kernel from the output"),
            (SecondBackward(activation), "its second-order kernel"),
            (SecondBackwardFromOutput(activation), "its second-order kernel from the output"),
            (Definition(activation), "its registry definition"),
            (CudaSource(activation), "its CUDA source"),
            (Register(activation), "its registration"),
        }.Concat(learned.SelectMany(p => new[]
        {
            (ParameterDerivative(activation, p), $"its derivative in '{p}'"),
            (ParameterBackward(activation, p), $"its backward kernel for '{p}'"),
            (SecondBackward(activation, null, p), $"its second-order kernel for '{p}'"),
        })).Concat(learned.SelectMany((p, i) => learned.Skip(i).Select(q =>
            (SecondBackward(activation, p, q), $"its second-order kernel for '{p}' and '{q}'"))));
        var tensor = torch
            ? new[]
            {
                (Module(activation), "its TorchSharp module"),
                (Function(activation), "its autograd function"),
                (Torch(activation), "its TorchSharp glue"),
                (TorchScript(activation), "its TorchScript program"),
                (TorchField(activation), "its TorchSharp glue's cache"),
            }
            : [];
        return scalar.Concat(tensor);
    }
}
