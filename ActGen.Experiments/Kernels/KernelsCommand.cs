using System;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace ActGen.Experiments.Kernels;

/// <summary><c>actgen kernels --check-cuda-on-host</c>: every registered activation's CUDA source, compiled and run on the CPU.</summary>
internal static class KernelsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var check = new Option<bool>("--check-cuda-on-host")
        {
            Description = "compile every registered activation's generated CUDA C++ with the host C++ compiler (g++, or $CXX) and "
                + "check its kernels against the generated C# kernels",
        };
        var command = new Command("kernels", "Inspect and check the generated kernels.") { check };
        command.SetAction(result =>
        {
            if (!result.GetValue(check))
            {
                error.WriteLine("actgen kernels: say what to do, e.g. --check-cuda-on-host");
                return 2;
            }

            return CheckOnHost(output, error);
        });
        return command;
    }

    private static int CheckOnHost(TextWriter output, TextWriter error)
    {
        ActivationRegistry.EnsureCatalog();
        var activations = ActivationRegistry.All.Select(d => (Definition: d, Source: d.CudaSource)).ToList();
        foreach (var missing in activations.Where(a => a.Source is null))
        {
            output.WriteLine($"{missing.Definition.Owner}.{missing.Definition.Name}: no CUDA source (built by an older ActGen?)");
        }

        var sources = activations.Where(a => a.Source is not null).Select(a => (a.Definition, a.Source!)).ToList();
        var directory = Path.Combine(Path.GetTempPath(), "actgen-cuda-host-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var results = CudaHostCheck.Run(sources, directory);
            foreach (var (r, d) in results.Zip(sources, (r, s) => (r, s.Definition)))
            {
                output.WriteLine(r.Matches ? $"{d.Owner}.{d.Name}: ok" : $"{d.Owner}.{d.Name}: MISMATCH {string.Join("; ", r.Failures)}");
            }

            var matching = results.Count(r => r.Matches);
            output.WriteLine($"{matching}/{activations.Count} activations match");
            return matching == activations.Count ? 0 : 1;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or DllNotFoundException)
        {
            error.WriteLine($"actgen kernels: {e.Message}");
            return 1;
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
