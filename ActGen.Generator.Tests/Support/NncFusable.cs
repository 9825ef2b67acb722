using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ActGen.Tests.Support;

/// <summary>
/// The ops libtorch's NNC (TensorExpr) fuser puts in a fusion group, as ActGen's TorchScript programs spell them, and a
/// check of a program's text against them. Source: PyTorch's <c>get_tensorexpr_elementwise_set()</c> in
/// <c>torch/csrc/jit/runtime/symbolic_shape_registry_util.cpp</c>, read by <c>tensorexpr::isSupported</c> in
/// <c>torch/csrc/jit/passes/tensorexpr_fuser.cpp</c> (which also fuses only within one block, so a conditional over
/// tensors splits a group). Missing there, among others: <c>full_like</c>, <c>zeros_like</c>, <c>logaddexp</c>,
/// <c>sign</c>, <c>maximum</c>/<c>minimum</c> (<c>max.other</c>/<c>min.other</c> are in), <c>logical_not</c>,
/// <c>asinh</c>/<c>acosh</c>/<c>atanh</c>, and <c>pow</c> with a tensor exponent (<c>pow.Tensor_Scalar</c>, Python's
/// <c>tensor ** float</c>, is in).
/// </summary>
internal static class NncFusable
{
    /// <summary><c>torch.{name}(…)</c> calls whose aten op is in the set (<c>max</c>/<c>min</c> of two tensors: <c>.other</c>).</summary>
    public static readonly IReadOnlySet<string> TorchFunctions = new HashSet<string>
    {
        "abs", "acos", "asin", "atan", "atan2", "ceil", "clamp", "cos", "cosh", "erf", "erfc", "exp", "expm1", "floor",
        "frac", "isnan", "lgamma", "log", "log10", "log1p", "log2", "max", "min", "neg", "reciprocal", "relu", "round",
        "rsqrt", "sigmoid", "sin", "sinh", "sqrt", "tan", "tanh", "trunc", "where",
    };

    /// <summary>
    /// Calls that are not tensor ops: the program's own functions (TorchScript inlines them), Python's scalar builtins and
    /// keywords before a parenthesis.
    /// The operators (<c>+ - * / ** == != &lt; &lt;= &gt; &gt;= &amp; |</c>, unary <c>-</c>) are all in the set; a Python
    /// conditional is over floats only (the emitter turns one over tensors into <c>torch.where</c>).
    /// </summary>
    private static readonly Regex NotATensorOp = new(@"^(call_[0-9]+(_d)?|max|min|float|return|if|else|and|or|not)$");

    private static readonly Regex Call = new(@"(?<![\w.])((?:torch\.)?[A-Za-z_][\w.]*)\s*\(");

    /// <summary>The calls of <paramref name="program"/> NNC would not fuse, in order of appearance, each once.</summary>
    public static IReadOnlyList<string> NonFusable(string program) =>
        program.Split('\n')
            .Where(line => !line.TrimStart().StartsWith("def ", System.StringComparison.Ordinal))
            .SelectMany(line => Call.Matches(line).Select(m => m.Groups[1].Value))
            .Where(call => call.StartsWith("torch.", System.StringComparison.Ordinal)
                ? !TorchFunctions.Contains(call["torch.".Length..])
                : !NotATensorOp.IsMatch(call))
            .Distinct()
            .ToList();
}
