using System;
using System.Linq;

namespace ActGen.Experiments.Kernels;

/// <summary>
/// An element type of the host check: its kernels' suffix, how a buffer holds it, how values are rounded to it, the
/// generated C# kernels it is compared with (double for double; float for the others, whose kernels compute in float),
/// and the tolerance. float16 and bfloat16 results are the float kernel's rounded once, to nearest even, so two correct
/// kernels differ only where float's own differences cross a rounding boundary: at most one unit in the last place.
/// </summary>
internal sealed unsafe record Precision(string Suffix, int Size, double Relative, double Absolute)
{
    public static readonly Precision Double = new("f64", sizeof(double), 1e-12, 1e-12);
    public static readonly Precision Single = new("f32", sizeof(float), 2e-5, 2e-5);
    public static readonly Precision Half = new("f16", 2, 2e-3, 2e-5);
    public static readonly Precision BFloat16 = new("bf16", 2, 1.6e-2, 2e-5);
    public static readonly Precision[] All = [Double, Single, Half, BFloat16];

    /// <summary>float16 and bfloat16: stored in 16 bits, computed in float.</summary>
    public bool ComputesInFloat => Size == 2;

    private const double BFloat16Max = 3.3895313892515355e38; // (2 − 2^-7) · 2^127

    public double Round(double value) =>
        this == Double ? value
        : this == Single ? (float)value
        : this == Half ? (double)(float)(System.Half)(float)value
        : ToBFloat16((float)value);

    public double[] Round(double[] values) => values.Select(Round).ToArray();

    /// <summary>The parameters as the kernel reads them: tensor ones rounded to this type, hyper-parameters as doubles.</summary>
    public double[] Parameters(ActivationDefinition d, double[] parameters) =>
        parameters.Select((p, k) => d.Parameters[k].Role == ParameterRole.Hyper ? p : Round(p)).ToArray();

    public void Write(byte* buffer, int i, double value)
    {
        if (this == Double)
        {
            ((double*)buffer)[i] = value;
        }
        else if (this == Single)
        {
            ((float*)buffer)[i] = (float)value;
        }
        else
        {
            ((ushort*)buffer)[i] = this == Half
                ? BitConverter.HalfToUInt16Bits((System.Half)(float)value)
                : (ushort)(BitConverter.SingleToUInt32Bits((float)ToBFloat16((float)value)) >> 16);
        }
    }

    public double Read(byte* buffer, int i) =>
        this == Double ? ((double*)buffer)[i]
        : this == Single ? ((float*)buffer)[i]
        : this == Half ? (double)(float)BitConverter.UInt16BitsToHalf(((ushort*)buffer)[i])
        : BitConverter.UInt32BitsToSingle((uint)((ushort*)buffer)[i] << 16);

    /// <summary>The generated C# forward kernel this type is compared with.</summary>
    public double[] Forward(ActivationDefinition d, double[] x, double[] parameters)
    {
        if (this == Double)
        {
            var y = new double[x.Length];
            d.Double.Forward(x, y, parameters);
            return y;
        }

        var yf = new float[x.Length];
        d.Single.Forward(Floats(x), yf, parameters);
        return Round(yf.Select(v => (double)v).ToArray());
    }

    /// <summary>The generated C# backward kernel (input or output, as the activation reads).</summary>
    public double[] Backward(ActivationDefinition d, double[] source, double[] gy, double[] parameters)
    {
        if (this == Double)
        {
            var g = new double[source.Length];
            d.Double.Backward(source, gy, g, parameters);
            return g;
        }

        var gf = new float[source.Length];
        d.Single.Backward(Floats(source), Floats(gy), gf, parameters);
        return Round(gf.Select(v => (double)v).ToArray());
    }

    /// <summary>The generated C# kernel of gy · ∂f/∂θ for the learnable parameter <paramref name="name"/>.</summary>
    public double[] ParameterGradient(ActivationDefinition d, string name, double[] x, double[] gy, double[] parameters)
    {
        if (this == Double)
        {
            var g = new double[x.Length];
            d.Double.ParameterGradients[name](x, gy, g, parameters);
            return g;
        }

        var gf = new float[x.Length];
        d.Single.ParameterGradients[name](Floats(x), Floats(gy), gf, parameters);
        return Round(gf.Select(v => (double)v).ToArray());
    }

    /// <summary>The generated C# second-order kernel <paramref name="k"/> (from x, or y where backward reads it).</summary>
    public double[] Second(ActivationDefinition d, int k, double[] source, double[] gy, double[] gg, double[] parameters)
    {
        if (this == Double)
        {
            var g = new double[source.Length];
            d.Double.SecondOrder[k].Kernel(source, gy, gg, g, parameters);
            return g;
        }

        var gf = new float[source.Length];
        d.Single.SecondOrder[k].Kernel(Floats(source), Floats(gy), Floats(gg), gf, parameters);
        return Round(gf.Select(v => (double)v).ToArray());
    }

    private static float[] Floats(double[] values) => values.Select(v => (float)v).ToArray();

    /// <summary>
    /// float to bfloat16 (8 significant bits, float's exponent range) rounded to nearest even, by arithmetic in double
    /// rather than by bits, so that it is not the kernels' own formula.
    /// </summary>
    private static double ToBFloat16(float f)
    {
        if (!float.IsFinite(f) || f == 0)
        {
            return f;
        }

        var step = Math.ScaleB(1.0, Math.Max(Math.ILogB((double)f), -126) - 7);
        var q = Math.Round(f / step, MidpointRounding.ToEven) * step;
        return Math.Abs(q) > BFloat16Max ? (q > 0 ? double.PositiveInfinity : double.NegativeInfinity) : q;
    }
}
