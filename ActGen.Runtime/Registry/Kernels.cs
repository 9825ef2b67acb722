using System;

namespace ActGen;

/// <summary>A forward span kernel; <paramref name="parameters"/> holds every parameter after the input, in declaration order.</summary>
public delegate void SpanForward<T>(ReadOnlySpan<T> input, Span<T> output, ReadOnlySpan<double> parameters);

/// <summary>A backward span kernel: gradInput = gradOutput · f′(input).</summary>
public delegate void SpanBackward<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> gradOutput, Span<T> gradInput, ReadOnlySpan<double> parameters);

/// <summary>The fused forward and backward kernels of one activation for one element type.</summary>
public sealed record ActivationKernels<T>(SpanForward<T> Forward, SpanBackward<T> Backward);
