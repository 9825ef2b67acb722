using System;
using System.Linq;
using System.Reflection;

namespace ActGen.Experiments.Kernels;

/// <summary>Where a registered activation's generated CUDA source is: the constant <c>{Name}CudaSource</c> of its class.</summary>
internal static class CudaSources
{
    public static string? Of(ActivationDefinition definition) =>
        Owner(definition.Function.Method.DeclaringType, definition.Owner)
            ?.GetField(definition.Name + "CudaSource", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            ?.GetRawConstantValue() as string;

    /// <summary>
    /// The class that declares the activation, found from its scalar function (a lambda nested in it), so that two
    /// assemblies with a class of one name (tests, plugins) each find their own.
    /// </summary>
    private static Type? Owner(Type? type, string owner) =>
        type is null ? null : type.FullName == owner ? type : Owner(type.DeclaringType, owner);
}
