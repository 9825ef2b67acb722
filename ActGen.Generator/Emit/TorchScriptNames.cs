using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ActGen.Generator.Model;
using ActGen.Generator.Naming;

namespace ActGen.Generator.Emit;

/// <summary>
/// Python spellings for one activation's program. The input is <c>x</c>; internal names drop their marker
/// (<c>y</c>, <c>gy</c>, <c>gg</c>, <c>t0</c>…); a parameter keeps its name when that is a plain ASCII name Python and TorchScript
/// accept and no internal name takes, else it becomes <c>p{k}_</c> (k its declaration index). Kept names never
/// end in '_', so the two kinds never meet.
/// </summary>
internal sealed record TorchScriptNames(IReadOnlyDictionary<string, string> Parameters)
{
    private static readonly HashSet<string> Reserved =
    [
        "and", "or", "not", "if", "else", "elif", "lambda", "def", "return", "None", "True", "False", "in", "is",
        "pass", "class", "from", "import", "global", "with", "yield", "while", "for", "try", "except", "finally",
        "raise", "del", "as", "assert", "break", "continue", "nonlocal", "float", "int", "bool", "max", "min", "math",
        "torch", "x", "y", "gy", "gg", "print", "range", "len", "abs", "list", "str", "tuple", "dict", "async", "await",
    ];

    private static readonly Regex Plain = new("^[A-Za-z][A-Za-z0-9_]*$");
    /// <summary>CSE locals (t0…) and the program's own functions (call_0, grad_1, second_x_0, …).</summary>
    private static readonly Regex InternalLike = new("^(t[0-9]+|call_.*|grad_.*|second_.*|forward|backward)$");

    public static TorchScriptNames For(ActivationModel model) =>
        new(model.Parameters.Select((p, k) => (p.Name, Python: Keeps(p.Name) ? p.Name : $"p{k}_"))
            .Prepend((Name: model.Input, Python: "x"))
            .GroupBy(n => n.Name)
            .ToDictionary(g => g.Key, g => g.First().Python));

    public string Of(string name) =>
        Namer.IsInternal(name) ? name.Substring(Namer.Internal.Length)
        : Parameters.TryGetValue(name, out var python) ? python
        : throw new System.InvalidOperationException($"'{name}' is not a name of this activation.");

    private static bool Keeps(string name) =>
        Plain.IsMatch(name)
            && !name.EndsWith("_", System.StringComparison.Ordinal)
            && !Reserved.Contains(name)
            && !InternalLike.IsMatch(name);
}
