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
        var onDevice = new Option<bool>("--check-cuda-on-device")
        {
            Description = "compile every registered activation's generated CUDA C++ with NVRTC through ActGen's own runtime, run its "
                + "kernels on GPU 0 and check them against the generated C# kernels (needs an NVIDIA driver and NVRTC)",
        };
        var largeLength = new Option<int>("--large-length")
        {
            Description = "with --check-cuda-on-device: the length of the extra float forward and backward run per activation "
                + $"(default {CudaDeviceCheck.LargeLength}, enough for every thread of a large GPU to loop several times)",
            DefaultValueFactory = _ => CudaDeviceCheck.LargeLength,
            HelpName = "N",
        };
        var withNvrtc = new Option<bool>("--compile-cuda-with-nvrtc")
        {
            Description = "compile every registered activation's generated CUDA C++ with NVRTC (found as the runtime finds it, "
                + "e.g. $ACTGEN_NVRTC) for --arch, without a GPU, and check the PTX and ptxas's report: every kernel with its "
                + "declared parameters, 16-byte loads and stores, no fast-math, no register spills",
        };
        var architecture = new Option<int>("--arch")
        {
            Description = $"with --compile-cuda-with-nvrtc: the GPU architecture as a number, e.g. 90 for sm_90 (default "
                + $"{NvrtcCompileCheck.DefaultArchitecture}, the H200's)",
            DefaultValueFactory = _ => NvrtcCompileCheck.DefaultArchitecture,
            HelpName = "SM",
        };
        var export = new Option<string>("--export")
        {
            Description = "write every registered activation's CUDA source, TorchScript program and a manifest (kernels, their "
                + "ABI, parameters, the PyTorch builtin to match) into DIR, for the device check (tools/gpu-check)",
            HelpName = "DIR",
        };
        var command = new Command("kernels", "Inspect and check the generated kernels.")
        {
            check, onDevice, largeLength, withNvrtc, architecture, export,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(export) is { } directory)
            {
                return Export(directory, output, error);
            }

            if (result.GetValue(onDevice))
            {
                if (result.GetValue(largeLength) is var length and < 1)
                {
                    error.WriteLine($"actgen kernels: --large-length must be a positive number of elements, not {length}");
                    return 2;
                }

                return CheckOnDevice(output, error, result.GetValue(largeLength));
            }

            if (result.GetValue(withNvrtc))
            {
                if (result.GetValue(architecture) is var sm and (< 10 or > 999))
                {
                    error.WriteLine($"actgen kernels: --arch is a GPU architecture as a number like 90 (sm_90), not {sm}");
                    return 2;
                }

                return CompileWithNvrtc(Cuda.CudaLoadSettings.FromEnvironment().NvrtcCandidates, result.GetValue(architecture), output, error);
            }

            if (!result.GetValue(check))
            {
                error.WriteLine("actgen kernels: say what to do, e.g. --check-cuda-on-host, --check-cuda-on-device, "
                    + "--compile-cuda-with-nvrtc or --export DIR");
                return 2;
            }

            return CheckOnHost(output, error);
        });
        return command;
    }

    private static int Export(string directory, TextWriter output, TextWriter error)
    {
        ActivationRegistry.EnsureCatalog();
        try
        {
            var count = KernelExport.Write(directory, ActivationRegistry.All);
            output.WriteLine($"{ActivationRegistry.All.Count} activations, {count} files written to {directory}");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            error.WriteLine($"actgen kernels --export: {e.Message}");
            return 1;
        }
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

            var draw = CudaHostDraw.Run(Path.Combine(directory, "draw"));
            output.WriteLine(draw.Matches ? $"{draw.Activation}: ok" : $"{draw.Activation}: MISMATCH {string.Join("; ", draw.Failures)}");
            var matching = results.Count(r => r.Matches);
            output.WriteLine($"{matching}/{activations.Count} activations match");
            return matching == activations.Count && draw.Matches ? 0 : 1;
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

    /// <summary>
    /// <see cref="NvrtcCompileCheck"/> for every registered activation and the draw; 2 where no NVRTC loads among
    /// <paramref name="nvrtcCandidates"/>.
    /// </summary>
    internal static int CompileWithNvrtc(System.Collections.Generic.IReadOnlyList<string> nvrtcCandidates, int architecture, TextWriter output, TextWriter error)
    {
        var loaded = Cuda.Nvrtc.Load(nvrtcCandidates);
        if (loaded is not Cuda.Probe<Cuda.Nvrtc>.Found { Value: var nvrtc })
        {
            error.WriteLine($"actgen kernels --compile-cuda-with-nvrtc: {((Cuda.Probe<Cuda.Nvrtc>.Missing)loaded).Why}; "
                + $"set ${Cuda.NvrtcSearch.Variable} to a libnvrtc.so");
            return 2;
        }

        ActivationRegistry.EnsureCatalog();
        output.WriteLine($"NVRTC {nvrtc.Version} ({nvrtc.Library}), sm_{architecture}");
        var results = ActivationRegistry.All
            .Select(d => (Name: $"{d.Owner}.{d.Name}", d.CudaSource))
            .Select(a => a.CudaSource is { } source
                ? NvrtcCompileCheck.Run(nvrtc, a.Name, source, architecture)
                : new NvrtcCompileResult(a.Name, "-", 0, null, null, ["no CUDA source (built by an older ActGen?)"]))
            .ToList();
        var draw = NvrtcCompileCheck.Run(nvrtc, DrawCheck.Name, Cuda.CounterUniformSource.Text, architecture, draw: true);
        foreach (var r in results.Append(draw))
        {
            output.WriteLine(r.Compiles ? $"{r.Activation}: ok ({Described(r)})" : $"{r.Activation}: FAILS {string.Join("; ", r.Failures)}");
        }

        var compiling = results.Count(r => r.Compiles);
        output.WriteLine($"{compiling}/{results.Count} activations compile with NVRTC {nvrtc.Version} for sm_{architecture}");
        return compiling == results.Count && draw.Compiles ? 0 : 1;
    }

    private static string Described(NvrtcCompileResult r) =>
        $"{r.Kernels} kernels, {r.Image}"
        + (r.MostRegisters is { } registers ? $", at most {registers} registers, no spills" : "")
        + (r.MostStackBytes is > 0 ? $", a stack frame of up to {r.MostStackBytes} bytes" : "");

    /// <summary>The device check (<see cref="CudaDeviceCheck"/>) on GPU 0; 2 where there is no GPU path to check.</summary>
    internal static int CheckOnDevice(TextWriter output, TextWriter error, int largeLength = CudaDeviceCheck.LargeLength) =>
        Cuda.CudaRuntime.Load(Cuda.CudaLoadSettings.FromEnvironment() with { SynchronizeLaunches = true }) switch
        {
            Cuda.Probe<Cuda.CudaRuntime>.Found found => CheckOnDevice(found.Value, output, error, largeLength),
            Cuda.Probe<Cuda.CudaRuntime>.Missing missing => NoDevice(missing.Why, error),
            _ => throw new InvalidOperationException("unknown probe"),
        };

    internal static int CheckOnDevice(Cuda.CudaRuntime runtime, TextWriter output, TextWriter error, int largeLength)
    {
        ActivationRegistry.EnsureCatalog();
        try
        {
            switch (CudaDeviceCheck.Run(runtime, 0, ActivationRegistry.All, largeLength))
            {
                case Cuda.Probe<CudaDeviceReport>.Found { Value: var report }:
                    output.WriteLine(report.Device);
                    foreach (var (d, r) in report.Activations)
                    {
                        output.WriteLine(r.Matches ? $"{d.Owner}.{d.Name}: ok" : $"{d.Owner}.{d.Name}: MISMATCH {string.Join("; ", r.Failures)}");
                    }

                    output.WriteLine(report.Draw.Matches ? $"{report.Draw.Activation}: ok" : $"{report.Draw.Activation}: MISMATCH {string.Join("; ", report.Draw.Failures)}");
                    output.WriteLine($"{report.Launches} kernel launches");
                    output.WriteLine($"{report.Matching}/{report.Activations.Count} activations match on GPU 0");
                    return report.Matches ? 0 : 1;
                case Cuda.Probe<CudaDeviceReport>.Missing missing:
                    return NoDevice(missing.Why, error);
                default:
                    throw new InvalidOperationException("unknown probe");
            }
        }
        catch (InvalidOperationException e)
        {
            // A driver error (CudaDriverException is one): after a fault inside a kernel the context is spoilt for the rest.
            error.WriteLine($"actgen kernels --check-cuda-on-device: {e.Message}");
            return 1;
        }
    }

    private static int NoDevice(string why, TextWriter error)
    {
        error.WriteLine($"actgen kernels --check-cuda-on-device: no GPU to check on: {why}");
        return 2;
    }
}
