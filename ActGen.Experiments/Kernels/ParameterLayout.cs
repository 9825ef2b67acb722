using System.Linq;

namespace ActGen.Experiments.Kernels;

/// <summary>
/// How the host check lays a tensor parameter out for a kernel, as the ABI's <c>(inner, channels)</c>: one value for all
/// (0, 1), one per element (1, 0), or one per channel, here 3 channels of 5 elements each, repeating (5, 3). The values
/// differ from slot to slot (the default plus 0, 1/16 or 2/16, exact in float), so a kernel that reads the wrong one is
/// seen; element i belongs to group <see cref="Group"/>, whose parameters <see cref="Parameters"/> gives.
/// </summary>
internal sealed record ParameterLayout(string Name, Cuda.ParameterLayout Abi)
{
    public static readonly ParameterLayout One = new("one value", Cuda.ParameterLayout.One);
    public static readonly ParameterLayout PerElement = new("per element", Cuda.ParameterLayout.PerElement);
    public static readonly ParameterLayout PerChannel = new("per channel", new Cuda.ParameterLayout(5, 3));
    public static readonly ParameterLayout[] All = [One, PerElement, PerChannel];

    private const int Groups = 3;
    private const double Step = 1.0 / 16;

    public long Inner => Abi.Inner;

    public long Channels => Abi.Channels;

    /// <summary>Which value element i reads: the runtime's mapping, which the kernels' <c>actgen_parameter_index</c> computes too.</summary>
    public long Slot(long i) => Abi.Slot(i);

    public int Group(long i) => (int)(Slot(i) % Groups);

    /// <summary>Every parameter of <paramref name="d"/> in declaration order, tensor ones moved as group <paramref name="group"/>'s are.</summary>
    public static double[] Parameters(ActivationDefinition d, int group) =>
        d.Parameters.Select(p => p.Role == ParameterRole.Hyper ? p.Default : p.Default + group * Step).ToArray();

    /// <summary>The buffer of parameter k for a launch over n elements (hyper-parameters get one unused value).</summary>
    public double[] Values(ActivationDefinition d, int k, int n)
    {
        var count = Inner == 0 ? 1 : Channels == 0 ? n : (int)Channels;
        return Enumerable.Range(0, count).Select(s => Parameters(d, (int)(s % Groups))[k]).ToArray();
    }
}
