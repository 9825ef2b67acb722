using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ActGen.Cuda;

namespace ActGen.Experiments.Kernels;

/// <summary>
/// One source compiled by a real NVRTC, without a GPU: NVRTC only compiles, on the CPU. What it checks is what the
/// host-compiler check cannot see: that NVRTC accepts the source with the runtime's own options, and what its PTX and
/// ptxas make of the kernels.
/// </summary>
/// <param name="Image">What the runtime would load for the architecture: a cubin (<c>sm_90</c>) or PTX (<c>compute_90</c>).</param>
/// <param name="MostRegisters">ptxas's largest register count over the kernels; null where NVRTC gave PTX only.</param>
/// <param name="MostStackBytes">The largest stack frame (a local array, e.g. sin's argument reduction); null for PTX only.</param>
internal sealed record NvrtcCompileResult(
    string Activation, string Image, int Kernels, int? MostRegisters, int? MostStackBytes, IReadOnlyList<string> Failures)
{
    public bool Compiles => Failures.Count == 0;
}

/// <summary>
/// Every kernel of a generated source through NVRTC with the runtime's options (<see cref="CompileTarget"/>): PTX for the
/// architecture, to read, and the cubin the runtime would load, with ptxas's resource report. Each kernel must be there
/// under its declared name with its declared parameters; activation kernels must move 16-byte vectors through global
/// memory; nothing may be flushed to zero or approximated as fast-math does; no register may spill; the draw must round
/// its multiply and add apart (no fused multiply-add), or it would not equal the CPU's bit for bit.
/// </summary>
internal static class NvrtcCompileCheck
{
    /// <summary>sm_90: the H200 the device check runs on.</summary>
    public const int DefaultArchitecture = 90;

    private static readonly IReadOnlyList<string> ResourceReport = ["--ptxas-options=-v"];

    /// <param name="draw">The counter-based draw's source: no vector loop, and no fused multiply-add.</param>
    public static NvrtcCompileResult Run(Nvrtc nvrtc, string activation, string source, int architecture, bool draw = false)
    {
        if (CompileTarget.For(architecture, nvrtc.SupportedArchitectures()) is not { } target)
        {
            return new NvrtcCompileResult(activation, "-", 0, null, null, [$"NVRTC {nvrtc.Version} cannot compile for sm_{architecture}"]);
        }

        var image = target.Cubin ? $"cubin sm_{target.Architecture}" : $"PTX compute_{target.Architecture}";
        var ptx = nvrtc.Compile(source, activation + ".cu", target with { Cubin = false });
        if (ptx.Image is null)
        {
            return new NvrtcCompileResult(activation, image, 0, null, null, [$"NVRTC refuses it: {FirstLines(ptx.Log)}"]);
        }

        var cubin = target.Cubin ? nvrtc.Compile(source, activation + ".cu", target, ResourceReport) : null;
        if (cubin is { Image: null })
        {
            return new NvrtcCompileResult(activation, image, 0, null, null, [$"NVRTC refuses the cubin: {FirstLines(cubin.Log)}"]);
        }

        return Judge(activation, image, source, Encoding.UTF8.GetString(ptx.Image).TrimEnd('\0'), cubin?.Image, cubin?.Log, draw);
    }

    /// <summary>The verdict on NVRTC's output for <paramref name="source"/> (pure: the tests hand it altered listings).</summary>
    public static NvrtcCompileResult Judge(
        string activation, string image, string source, string ptx, byte[]? cubin, string? ptxasLog, bool draw)
    {
        var declared = CudaKernelDeclaration.In(source);
        var entries = PtxListing.Entries(ptx).ToDictionary(e => e.Name, StringComparer.Ordinal);
        var resources = ptxasLog is null ? null : PtxasReport.Read(ptxasLog);
        var failures = new List<string>();
        failures.AddRange(entries.Keys.Except(declared.Select(d => d.Name)).Select(name => $"{name} is in the PTX but not declared"));
        foreach (var kernel in declared)
        {
            if (!entries.TryGetValue(kernel.Name, out var entry))
            {
                failures.Add($"{kernel.Name} is declared but not in the PTX");
                continue;
            }

            failures.AddRange(Parameters(kernel, entry).Concat(Body(entry, draw)).Select(f => $"{kernel.Name}: {f}"));
            if (cubin is not null && !Contains(cubin, kernel.Name))
            {
                failures.Add($"{kernel.Name} is not in the cubin");
            }

            if (resources is not null)
            {
                failures.AddRange(Resources(kernel.Name, resources).Select(f => $"{kernel.Name}: {f}"));
            }
        }

        if (cubin is not null && !cubin.AsSpan().StartsWith("\u007fELF"u8))
        {
            failures.Add("the cubin is not an ELF image");
        }

        var measured = resources?.Where(r => declared.Any(d => d.Name == r.Key)).Select(r => r.Value).ToList();
        return new NvrtcCompileResult(
            activation, image, declared.Count,
            measured is { Count: > 0 } ? measured.Max(r => r.Registers) : null,
            measured is { Count: > 0 } ? measured.Max(r => r.StackBytes) : null,
            failures);
    }

    /// <summary>The PTX type a declared kernel parameter is passed as (pointers and 64-bit integers as u64).</summary>
    public static string? PtxType(string declared) => declared switch
    {
        _ when declared.EndsWith('*') => "u64",
        "long long" or "unsigned long long" => "u64",
        "int" or "unsigned" or "unsigned int" => "u32",
        "double" => "f64",
        "float" => "f32",
        _ => null,
    };

    /// <summary>Whether an opcode flushes denormals or approximates where the source asked for IEEE arithmetic.</summary>
    /// <remarks>
    /// The accurate math library itself uses approximate instructions inside its routines (<c>ex2.approx.ftz.f32</c> in
    /// expf, <c>div.approx.f32</c> in sinhf and coshf, <c>rcp.approx.ftz.f64</c> in a refined division); fast-math shows as
    /// <c>.ftz</c> on ordinary arithmetic (<c>div.approx.ftz.f32</c> for a division), <c>-prec-div=false</c> as
    /// <c>div.full</c>, <c>-prec-sqrt=false</c> as <c>sqrt.approx</c>.
    /// </remarks>
    public static bool IsFastMath(string opcode) =>
        opcode.StartsWith("div.full", StringComparison.Ordinal)
        || opcode.StartsWith("sqrt.approx", StringComparison.Ordinal)
        || (opcode.Contains(".ftz", StringComparison.Ordinal) && Arithmetic.Contains(opcode.Split('.')[0]));

    private static readonly HashSet<string> Arithmetic =
        new(["add", "sub", "mul", "fma", "mad", "div", "neg", "abs", "min", "max", "setp", "set", "cvt", "sqrt", "testp"], StringComparer.Ordinal);

    private static readonly string[] SixteenBytes = [".v4.f32", ".v4.b32", ".v4.u32", ".v4.s32", ".v2.f64", ".v2.b64", ".v2.u64", ".v2.s64"];

    private static bool Vector(string opcode, string space) =>
        opcode.StartsWith(space, StringComparison.Ordinal) && SixteenBytes.Any(s => opcode.EndsWith(s, StringComparison.Ordinal));

    private static IEnumerable<string> Parameters(CudaKernelDeclaration kernel, PtxEntry entry)
    {
        if (kernel.Parameters.Count != entry.Parameters.Count)
        {
            yield return $"{kernel.Parameters.Count} parameters declared, {entry.Parameters.Count} in the PTX";
            yield break;
        }

        foreach (var (p, k) in kernel.Parameters.Select((p, k) => (p, k)))
        {
            if (PtxType(p.Type) is not { } expected)
            {
                yield return $"parameter {k} ({p}) has a type the check does not know";
            }
            else if (entry.Parameters[k] != expected)
            {
                yield return $"parameter {k} ({p}) is .{entry.Parameters[k]} in the PTX, not .{expected}";
            }
        }
    }

    private static IEnumerable<string> Body(PtxEntry entry, bool draw)
    {
        // A kernel whose value does not depend on what it reads (a constant derivative) rightly loads nothing.
        if (!draw && entry.Opcodes.Any(o => o.StartsWith("ld.global", StringComparison.Ordinal))
            && !entry.Opcodes.Any(o => Vector(o, "ld.global")))
        {
            yield return "no 16-byte load from global memory";
        }

        if (!draw && !entry.Opcodes.Any(o => Vector(o, "st.global")))
        {
            yield return "no 16-byte store to global memory";
        }

        if (entry.Opcodes.Where(IsFastMath).Distinct().ToList() is { Count: > 0 } fast)
        {
            yield return $"fast-math arithmetic ({string.Join(", ", fast)})";
        }

        if (draw && entry.Opcodes.Where(o => o.StartsWith("fma", StringComparison.Ordinal) || o.StartsWith("mad.", StringComparison.Ordinal)
                || o is "add.f32" or "add.f64").Distinct().ToList() is { Count: > 0 } fused)
        {
            yield return $"the draw's multiply and add may be fused ({string.Join(", ", fused)}), unlike the CPU's";
        }
    }

    private static IEnumerable<string> Resources(string kernel, IReadOnlyDictionary<string, PtxasResources> resources)
    {
        if (!resources.TryGetValue(kernel, out var r))
        {
            yield return "ptxas did not report it";
        }
        else if (r.Spills)
        {
            yield return $"spills registers ({r.SpillStoreBytes} bytes stored, {r.SpillLoadBytes} loaded)";
        }
    }

    private static bool Contains(byte[] image, string name) => image.AsSpan().IndexOf(Encoding.ASCII.GetBytes(name + "\0")) >= 0;

    private static string FirstLines(string log) => string.Join(" | ", log.Split('\n').Where(l => l.Trim().Length > 0).Take(6));
}
