using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>
/// Scalars that outlive the native call they are passed to. TorchSharp 0.107's <c>Scalar</c> is a plain class around an
/// <c>IntPtr</c> with a finalizer that deletes the native <c>at::Scalar</c>, and its Tensor methods pass
/// <c>scalar.Handle</c> to P/Invoke with no <c>GC.KeepAlive</c>: a Scalar that nothing else holds (the temporary a
/// <c>double</c>, <c>float</c>, <c>int</c> or <c>bool</c> converts to, an inline <c>ToScalar()</c>) can be finalized while
/// libtorch still reads it, which ends the process (seen: "Expected false to be true" thrown from
/// <c>c10::Scalar::toDouble</c> in celu). TorchSharp also makes such temporaries itself: <c>Tensor.add(Tensor)</c>,
/// <c>add(Scalar)</c> and every tensor <c>+</c> pass an <c>alpha</c> of 1 made on the spot, <c>arange(stop)</c> its start
/// and step, <c>softplus(double, double)</c>, <c>F.softplus</c>, <c>F.mish</c>, <c>F.softsign</c> and the <c>F.*</c>
/// activations with <c>double</c> parameters theirs, and <c>CompilationUnit.invoke</c> each <c>double</c> argument.
/// So ActGen passes TorchSharp only Scalars held here: <see cref="Zero"/> and <see cref="One"/>, a <see cref="Kept"/>
/// constant, or <see cref="Hold(IEnumerable{double})"/>'s, disposed after the call; and adds through <see cref="Plus(Tensor, Tensor)"/>.
/// </summary>
internal static class Scalars
{
    private static readonly ConcurrentDictionary<long, Scalar> KeptByBits = new();

    /// <summary>The integer 0 for the process' lifetime (an integer combines with every dtype).</summary>
    public static Scalar Zero { get; } = 0.ToScalar();

    /// <summary>The integer 1 for the process' lifetime: the <c>alpha</c> of <see cref="Plus(Tensor, Tensor)"/>.</summary>
    public static Scalar One { get; } = 1.ToScalar();

    /// <summary>
    /// One Scalar per distinct value (bit for bit: −0.0 is not 0.0), made once and held for the process' lifetime: for
    /// constants and hyper-parameters on hot paths (no allocation per call), not for values that come from data.
    /// </summary>
    public static Scalar Kept(double value) => KeptByBits.GetOrAdd(BitConverter.DoubleToInt64Bits(value), static bits => BitConverter.Int64BitsToDouble(bits).ToScalar());

    /// <summary>A Scalar per value for one call: <c>using var held = Scalars.Hold(values);</c>, pass <see cref="Held.Items"/>.</summary>
    public static Held Hold(IEnumerable<double> values) => new(values.Select(v => v.ToScalar()).ToArray());

    /// <summary>A Scalar for one call: <c>using var s = Scalars.Hold(value);</c>, disposed (freed) after it.</summary>
    public static Scalar Hold(double value) => value.ToScalar();

    /// <summary>An integer Scalar for one call (it keeps integer results integer, as in <c>arange</c>).</summary>
    public static Scalar Hold(long value) => value.ToScalar();

    /// <summary><paramref name="t"/> + <paramref name="other"/> with a held alpha (TorchSharp's <c>+</c> makes a temporary one).</summary>
    public static Tensor Plus(this Tensor t, Tensor other) => t.add(other, One);

    /// <summary><paramref name="t"/> + <paramref name="s"/> with a held alpha (TorchSharp's <c>add(Scalar)</c> makes a temporary one).</summary>
    public static Tensor Plus(this Tensor t, Scalar s) => t.add(s, One);

    /// <summary>Scalars held for one call, freed together by <see cref="Dispose"/>.</summary>
    public sealed record Held(Scalar[] Items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var s in Items) s.Dispose();
        }
    }
}
