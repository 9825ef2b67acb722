using System;

namespace ActGen;

/// <summary>A forward span kernel; <paramref name="parameters"/> holds every parameter after the input, in declaration order.</summary>
public delegate void SpanForward<T>(ReadOnlySpan<T> input, Span<T> output, ReadOnlySpan<double> parameters);

/// <summary>A backward span kernel: gradInput = gradOutput · f′(input).</summary>
public delegate void SpanBackward<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> gradOutput, Span<T> gradInput, ReadOnlySpan<double> parameters);

/// <summary>A forward span kernel with one parameter given per element (<paramref name="each"/>); its slot in <paramref name="parameters"/> is unused.</summary>
public delegate void SpanForwardEach<T>(ReadOnlySpan<T> input, Span<T> output, ReadOnlySpan<T> each, ReadOnlySpan<double> parameters);

/// <summary>A backward span kernel with one parameter given per element (<paramref name="each"/>).</summary>
public delegate void SpanBackwardEach<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> gradOutput, Span<T> gradInput, ReadOnlySpan<T> each, ReadOnlySpan<double> parameters);

/// <summary>The kernels of an activation whose one tensor parameter is randomized, for slopes drawn per element.</summary>
public sealed record PerElementKernels<T>(SpanForwardEach<T> Forward, SpanBackwardEach<T> Backward);

/// <summary>The fused forward and backward kernels of one activation for one element type.</summary>
public sealed record ActivationKernels<T>(SpanForward<T> Forward, SpanBackward<T> Backward)
{
    /// <summary>The same with the randomized parameter per element (null unless that is the only tensor parameter).</summary>
    public PerElementKernels<T>? PerElement { get; init; }
}
