using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ActGen.Cuda;

/// <summary>One parameter of a kernel as declared: its type without <c>__restrict__</c> (e.g. <c>const float*</c>) and name.</summary>
internal sealed record CudaKernelParameter(string Type, string Name)
{
    public override string ToString() => $"{Type} {Name}";
}

/// <summary>
/// One <c>extern "C" __global__</c> kernel of a CUDA source as its text declares it: the one reader of kernel signatures
/// (the runtime's names, the ABI checks and the host stand-ins all read them here).
/// </summary>
internal sealed record CudaKernelDeclaration(string Name, IReadOnlyList<CudaKernelParameter> Parameters)
{
    private static readonly Regex Kernel = new(@"extern ""C"" __global__ void (\w+)\(([^)]*)\)", RegexOptions.CultureInvariant);

    private static readonly Regex Space = new(@"\s+", RegexOptions.CultureInvariant);

    private static readonly Regex Star = new(@"\s*\*\s*", RegexOptions.CultureInvariant);

    /// <summary>Every kernel <paramref name="source"/> declares, in source order.</summary>
    public static IReadOnlyList<CudaKernelDeclaration> In(string source) =>
        Kernel.Matches(source)
            .Select(m => new CudaKernelDeclaration(m.Groups[1].Value, m.Groups[2].Value.Split(',').Select(Parameter).ToList()))
            .ToList();

    private static CudaKernelParameter Parameter(string text)
    {
        var words = Space.Replace(Star.Replace(text.Replace("__restrict__", ""), "* "), " ").Trim();
        var split = words.LastIndexOf(' ');
        return new CudaKernelParameter(words[..split], words[(split + 1)..]);
    }
}
