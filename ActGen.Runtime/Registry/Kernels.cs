using System;
using System.Collections.Generic;
using System.Linq;

namespace ActGen;

/// <summary>A forward span kernel; <paramref name="parameters"/> holds every parameter after the input, in declaration order.</summary>
public delegate void SpanForward<T>(ReadOnlySpan<T> input, Span<T> output, ReadOnlySpan<double> parameters);

/// <summary>A backward span kernel: gradInput = gradOutput · f′(input).</summary>
public delegate void SpanBackward<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> gradOutput, Span<T> gradInput, ReadOnlySpan<double> parameters);

/// <summary>A forward span kernel with one parameter given per element (<paramref name="each"/>); its slot in <paramref name="parameters"/> is unused.</summary>
public delegate void SpanForwardEach<T>(ReadOnlySpan<T> input, Span<T> output, ReadOnlySpan<T> each, ReadOnlySpan<double> parameters);

/// <summary>A backward span kernel with one parameter given per element (<paramref name="each"/>).</summary>
public delegate void SpanBackwardEach<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> gradOutput, Span<T> gradInput, ReadOnlySpan<T> each, ReadOnlySpan<double> parameters);

/// <summary>
/// A second-order span kernel: gradient = gradGradInput · gradOutput · ∂²f/∂a∂b, what the backward gradOutput · ∂f/∂a
/// sends to b when autograd differentiates it (input is the forward's output where the backward reads that).
/// </summary>
public delegate void SpanSecondBackward<T>(
    ReadOnlySpan<T> input, ReadOnlySpan<T> gradOutput, ReadOnlySpan<T> gradGradInput, Span<T> gradient, ReadOnlySpan<double> parameters);

/// <summary>The second-order kernel of the variables <paramref name="First"/> and <paramref name="Second"/> (null: the input).</summary>
public sealed record SecondOrderKernel<T>(string? First, string? Second, SpanSecondBackward<T> Kernel)
{
    /// <summary>Whether this is the kernel of {a, b}, in either order (∂²f/∂a∂b = ∂²f/∂b∂a).</summary>
    public bool Of(string? a, string? b) => (First == a && Second == b) || (First == b && Second == a);
}

/// <summary>The kernels of an activation whose one tensor parameter is randomized, for slopes drawn per element.</summary>
public sealed record PerElementKernels<T>(SpanForwardEach<T> Forward, SpanBackwardEach<T> Backward);

/// <summary>The fused forward and backward kernels of one activation for one element type.</summary>
public sealed record ActivationKernels<T>(SpanForward<T> Forward, SpanBackward<T> Backward)
{
    /// <summary>The same with the randomized parameter per element (null unless that is the only tensor parameter).</summary>
    public PerElementKernels<T>? PerElement { get; init; }

    /// <summary>
    /// Per learnable parameter, by name: a kernel writing gradOutput · ∂f/∂θ per element (empty from an ActGen that did
    /// not record them here).
    /// </summary>
    public IReadOnlyDictionary<string, SpanBackward<T>> ParameterGradients { get; init; } = new Dictionary<string, SpanBackward<T>>();

    /// <summary>One kernel per unordered pair of variables (empty from an ActGen that did not generate them).</summary>
    public IReadOnlyList<SecondOrderKernel<T>> SecondOrder { get; init; } = [];

    /// <summary>The second-order kernel of {a, b} (null: the input), or null.</summary>
    public SpanSecondBackward<T>? Second(string? a, string? b) => SecondOrder.FirstOrDefault(k => k.Of(a, b))?.Kernel;
}
