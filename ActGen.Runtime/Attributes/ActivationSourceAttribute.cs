using System;

namespace ActGen;

/// <summary>
/// Written by the ActGen generator: the definition of one activation in a compact form, so that activations in
/// other assemblies can call (and differentiate through) it. Not for hand-written use.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ActivationSourceAttribute(string key, string definition) : Attribute
{
    public string Key { get; } = key;

    public string Definition { get; } = definition;
}
