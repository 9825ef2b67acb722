using System;

namespace ActGen;

/// <summary>
/// Marks a <c>static double F(double x, ...)</c> method of a <c>static partial</c> class as an activation:
/// the ActGen generator emits its derivative, fused span kernels and (when TorchSharp is referenced)
/// a differentiable tensor function and a module.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ActivationAttribute : Attribute
{
}
