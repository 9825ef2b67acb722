using System.Reflection;

namespace ActGen.Generator.Emit;

/// <summary>The attributes every generated member carries.</summary>
internal static class GeneratedAttributes
{
    /// <summary>The generator's own version (the package's), so users can tell which ActGen wrote a file.</summary>
    public static readonly string Version =
        typeof(GeneratedAttributes).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(GeneratedAttributes).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public static readonly string GeneratedCode = $"[global::System.CodeDom.Compiler.GeneratedCode(\"ActGen\", \"{Version}\")]";

    /// <summary>
    /// Kernels are long loops called few times: tier-0 code (before the JIT's tiering promotes them) runs them
    /// several times slower, so they are compiled fully optimised from the first call.
    /// </summary>
    public const string FullyOptimized =
        "[global::System.Runtime.CompilerServices.MethodImpl("
            + "global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";
}
