using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ActGen.Experiments.Kernels;

/// <summary>
/// Compiles activations' generated CUDA sources with the host C++ compiler (through <see cref="CudaHostShim"/>) and checks
/// every kernel on the CPU as <see cref="KernelCheck"/> says, each launched with a multi-block grid-stride launch.
/// </summary>
internal static class CudaHostCheck
{
    public static IReadOnlyList<KernelCheckResult> Run(
        IReadOnlyList<(ActivationDefinition Definition, string Source)> activations,
        string directory)
    {
        Directory.CreateDirectory(directory);
        var source = Path.Combine(directory, "kernels.cpp");
        File.WriteAllText(source, CudaHostShim.Header + string.Join("\n", activations.Select(a => a.Source)));
        var library = Path.Combine(directory, "libkernels.so");
        Compile(source, library);
        var handle = NativeLibrary.Load(library);
        try
        {
            return activations.Select(a => KernelCheck.Check(a.Definition, Host(Launchers(a.Source), handle, a.Definition))).ToList();
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }

    /// <summary>Compiles <paramref name="source"/> (the shim included) into a shared library with the host C++ compiler.</summary>
    internal static void Compile(string source, string library)
    {
        var compiler = Environment.GetEnvironmentVariable("CXX") is { Length: > 0 } cxx ? cxx : "g++";
        var start = new ProcessStartInfo(compiler, $"-std=c++17 -O1 -shared -fPIC -DACTGEN_HOST_CHECK -o \"{library}\" \"{source}\"")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {compiler}");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{compiler} could not compile the generated CUDA sources:\n{errors}");
        }
    }

    /// <summary>Each kernel through its host launcher, <c>actgen_host_{prefix}_{kernel}</c>.</summary>
    private static KernelRun Host(IReadOnlyList<string> launchers, IntPtr library, ActivationDefinition d) =>
        (kernel, precision, x, gy, layout, shift, gg, parameterValues) => HostKernelLauncher.Launch(
            library, launchers.FirstOrDefault(l => l.EndsWith("_" + kernel, StringComparison.Ordinal)), precision, x, gy, d, layout, shift, gg, parameterValues);

    private static IReadOnlyList<string> Launchers(string source) =>
        Regex.Matches(source, @"extern ""C"" void (actgen_host_\w+)\(").Select(m => m.Groups[1].Value).ToList();
}
