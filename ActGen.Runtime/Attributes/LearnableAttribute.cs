using System;

namespace ActGen;

/// <summary>
/// Marks a parameter of an activation as learnable (a <c>Parameter</c> of the generated module),
/// initialised to <see cref="Initial"/>, like PReLU's slope.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class LearnableAttribute(double initial) : Attribute
{
    public double Initial { get; } = initial;
}
