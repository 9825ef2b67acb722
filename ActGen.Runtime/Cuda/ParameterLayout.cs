using System.Linq;

namespace ActGen.Cuda;

/// <summary>
/// Which value of a tensor parameter element i of x reads, as the kernels' <c>actgen_parameter_index</c> takes it:
/// one value for all (inner 0), one per element (inner 1, channels 0), or one per channel of a run of x's dimensions
/// (<c>(i / inner) % channels</c>: channels the product of the run's sizes, inner that of the sizes after it).
/// </summary>
internal sealed record ParameterLayout(long Inner, long Channels)
{
    public static readonly ParameterLayout One = new(0, 1);
    public static readonly ParameterLayout PerElement = new(1, 0);

    /// <summary>The value element i reads (the kernels compute the same, in <c>actgen_parameter_index</c>).</summary>
    public long Slot(long i) => Inner == 0 ? 0 : Channels == 0 ? i : i / Inner % Channels;

    /// <summary>
    /// The layout of a parameter of shape <paramref name="parameter"/> broadcast against x of shape <paramref name="x"/>,
    /// read from its contiguous values; null where broadcasting would not keep x's shape or the sizes that are not 1 do
    /// not form one run of x's dimensions (e.g. <c>[C, 1, W]</c> against <c>[N, C, H, W]</c>): those run TorchScript.
    /// PyTorch's per-channel PReLU weight, laid along dimension 1 as <c>[1, C, 1, 1]</c>, is (H·W, C).
    /// </summary>
    public static ParameterLayout? Of(long[] x, long[] parameter)
    {
        if (parameter.Aggregate(1L, (a, b) => a * b) == 1)
        {
            return One;
        }

        if (parameter.SequenceEqual(x))
        {
            return PerElement;
        }

        var lead = x.Length - parameter.Length;
        if (lead < 0)
        {
            return null;
        }

        // Right-aligned as broadcasting aligns them: each size is 1 or x's own.
        var varying = Enumerable.Range(0, parameter.Length).Where(d => parameter[d] != 1).Select(d => d + lead).ToArray();
        if (varying.Any(d => parameter[d - lead] != x[d]) || varying[^1] - varying[0] + 1 != varying.Length)
        {
            return null;
        }

        var channels = varying.Aggregate(1L, (a, d) => a * x[d]);
        var inner = x.Skip(varying[^1] + 1).Aggregate(1L, (a, b) => a * b);
        return inner == 1 && channels == x.Aggregate(1L, (a, b) => a * b) ? PerElement : new ParameterLayout(inner, channels);
    }
}
