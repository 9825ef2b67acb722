using System;

namespace ActGen;

/// <summary>
/// Marks a parameter of an activation as randomized: in training it is drawn per element from
/// U(<see cref="Lower"/>, <see cref="Upper"/>); in evaluation it is the mean (lower + upper) / 2, like RReLU's slope.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class RandomizedAttribute(double lower, double upper) : Attribute
{
    public double Lower { get; } = lower;
    public double Upper { get; } = upper;
}
