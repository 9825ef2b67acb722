using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ActGen.Experiments.Cli;

/// <summary>
/// <c>--assembly PATH</c>, on any command and repeatable: a .NET assembly built with ActGen (a user's own library or app)
/// whose activations then register beside the catalog, so that <c>sweep</c>, <c>list</c> and <c>kernels</c> see them.
/// Read from the arguments before the command line is built, since the activation names it offers come from the registry.
/// </summary>
internal static class UserAssemblies
{
    public const string Option = "--assembly";

    public const string Description =
        "a .NET assembly built with ActGen whose activations sweep, list and kernels then see beside the catalog (repeatable)";

    private static readonly HashSet<ActivationDefinition> Loaded = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether <paramref name="definition"/> came from an <c>--assembly</c> (such an activation never takes a name actgen's own has).</summary>
    public static bool Registered(ActivationDefinition definition)
    {
        lock (Loaded)
        {
            return Loaded.Contains(definition);
        }
    }

    /// <summary>Every value given to <c>--assembly</c> (<c>--assembly PATH</c> or <c>--assembly=PATH</c>), in order.</summary>
    public static IReadOnlyList<string> Paths(IReadOnlyList<string> args) =>
        args.Select((a, i) => a == Option ? (i + 1 < args.Count ? args[i + 1] : "")
                : a.StartsWith(Option + "=", StringComparison.Ordinal) ? a[(Option.Length + 1)..]
                : null)
            .OfType<string>()
            .ToList();

    /// <summary>Loads each assembly and runs its module initializer (which registers its activations); the first problem, or null.</summary>
    public static string? Load(IReadOnlyList<string> paths)
    {
        ActivationRegistry.EnsureCatalog();
        foreach (var path in paths)
        {
            if (Load(path) is { } problem)
            {
                return $"{Option} {(path.Length == 0 ? "(no path)" : path)}: {problem}";
            }
        }

        return null;
    }

    private static string? Load(string path)
    {
        if (path.Length == 0 || path.StartsWith("--", StringComparison.Ordinal))
        {
            return "give the path of a .dll, e.g. --assembly bin/Release/net10.0/MyActivations.dll";
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return "no such file";
        }

        var before = ActivationRegistry.All.ToHashSet(ReferenceEqualityComparer.Instance);
        try
        {
            var assembly = Assembly.LoadFrom(full);
            System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        }
        catch (BadImageFormatException)
        {
            return "not a .NET assembly";
        }
        catch (Exception e) when (e is FileLoadException or FileNotFoundException or TypeInitializationException or ArgumentException)
        {
            return $"it does not load here ({e.GetBaseException().Message}); build it against the ActGen.Runtime this actgen carries";
        }

        var added = ActivationRegistry.All.Where(d => !before.Contains(d)).ToList();
        lock (Loaded)
        {
            Loaded.UnionWith(added);
        }

        return added.Count > 0 ? null : "it registers no activations (none declared with [Activation], or all registered already)";
    }
}
