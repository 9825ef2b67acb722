using System;
using System.Linq;
using System.Reflection;

namespace ActGen.Experiments.Kernels;

/// <summary>Where a registered activation's generated CUDA source is: the constant <c>{Name}CudaSource</c> of its class.</summary>
internal static class CudaSources
{
    public static string? Of(ActivationDefinition definition) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetType(definition.Owner, throwOnError: false))
            .FirstOrDefault(t => t is not null)
            ?.GetField(definition.Name + "CudaSource", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            ?.GetRawConstantValue() as string;
}
