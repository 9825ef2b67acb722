using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace ActGen.Cuda;

/// <summary>The NVRTC functions ActGen uses, bound from a loaded library through unmanaged function pointers.</summary>
internal sealed unsafe class Nvrtc
{
    private static readonly string[] Required =
    [
        "nvrtcVersion", "nvrtcCreateProgram", "nvrtcCompileProgram", "nvrtcGetProgramLogSize", "nvrtcGetProgramLog",
        "nvrtcGetPTXSize", "nvrtcGetPTX", "nvrtcDestroyProgram", "nvrtcGetErrorString",
    ];

    // Since CUDA 11.1/11.2: without them the architecture list is unknown and PTX is compiled.
    private static readonly string[] Optional =
        ["nvrtcGetNumSupportedArchs", "nvrtcGetSupportedArchs", "nvrtcGetCUBINSize", "nvrtcGetCUBIN"];

    private readonly NativeExports exports;

    private Nvrtc(NativeExports exports, NvrtcVersion version)
    {
        this.exports = exports;
        Version = version;
    }

    public string Library => exports.Library;

    public NvrtcVersion Version { get; }

    /// <summary>The first candidate that loads, has NVRTC's exports and answers <c>nvrtcVersion</c>; else every reason.</summary>
    public static Probe<Nvrtc> Load(IReadOnlyList<string> candidates)
    {
        var reasons = new List<string>();
        foreach (var candidate in candidates)
        {
            switch (NativeExports.Open(candidate, Required, Optional))
            {
                case Probe<NativeExports>.Found found:
                    int major, minor;
                    var version = (delegate* unmanaged<int*, int*, int>)found.Value["nvrtcVersion"];
                    if (version(&major, &minor) == 0)
                    {
                        LoadBuiltinsBeside(candidate);
                        return new Probe<Nvrtc>.Found(new Nvrtc(found.Value, new NvrtcVersion(major, minor)));
                    }

                    reasons.Add($"{candidate}: nvrtcVersion failed");
                    break;
                case Probe<NativeExports>.Missing missing:
                    reasons.Add(missing.Why);
                    break;
            }
        }

        return Probe<Nvrtc>.No($"no usable NVRTC ({string.Join("; ", reasons.Take(4))}{(reasons.Count > 4 ? "; …" : "")})");
    }

    /// <summary>
    /// NVRTC opens its helper, <c>libnvrtc-builtins</c>, by soname when it compiles, which finds it beside NVRTC only where
    /// that folder is on the loader's path (Debian's and TorchSharp-cuda's copies need <c>LD_LIBRARY_PATH</c> otherwise);
    /// loaded here by path first, the loader then finds it already loaded.
    /// </summary>
    private static void LoadBuiltinsBeside(string library)
    {
        if (System.IO.Path.GetDirectoryName(library) is not { Length: > 0 } folder)
        {
            return;
        }

        foreach (var builtins in NvrtcDiscovery.Builtins(folder))
        {
            NativeLibrary.TryLoad(builtins, out _);
        }
    }

    /// <summary>The architectures NVRTC compiles cubins for (e.g. 90 for sm_90); empty where it cannot say.</summary>
    public IReadOnlyList<int> SupportedArchitectures()
    {
        var (count, list) = (exports.Optional("nvrtcGetNumSupportedArchs"), exports.Optional("nvrtcGetSupportedArchs"));
        int n;
        if (count == IntPtr.Zero || list == IntPtr.Zero || ((delegate* unmanaged<int*, int>)count)(&n) != 0 || n <= 0)
        {
            return [];
        }

        var archs = new int[n];
        fixed (int* p = archs)
        {
            return ((delegate* unmanaged<int*, int>)list)(p) == 0 ? archs : [];
        }
    }

    /// <summary>Compiles <paramref name="source"/>; the image is a cubin or NUL-terminated PTX, as the target says.</summary>
    /// <param name="extraOptions">After the target's own options (a check asks ptxas for its resource report this way).</param>
    public NvrtcOutput Compile(string source, string name, CompileTarget target, IReadOnlyList<string>? extraOptions = null)
    {
        if (target.Cubin && (exports.Optional("nvrtcGetCUBINSize") == IntPtr.Zero || exports.Optional("nvrtcGetCUBIN") == IntPtr.Zero))
        {
            return new NvrtcOutput(null, $"{Library} has no nvrtcGetCUBIN");
        }

        var strings = new List<IntPtr>();
        IntPtr Utf8(string s)
        {
            var p = Marshal.StringToCoTaskMemUTF8(s);
            strings.Add(p);
            return p;
        }

        IntPtr program = IntPtr.Zero;
        try
        {
            var create = (delegate* unmanaged<IntPtr*, IntPtr, IntPtr, int, IntPtr*, IntPtr*, int>)exports["nvrtcCreateProgram"];
            var created = create(&program, Utf8(source), Utf8(name), 0, null, null);
            if (created != 0)
            {
                return new NvrtcOutput(null, $"nvrtcCreateProgram: {Error(created)}");
            }

            var options = target.Options.Concat(extraOptions ?? []).Select(Utf8).ToArray();
            int compiled;
            fixed (IntPtr* o = options)
            {
                compiled = ((delegate* unmanaged<IntPtr, int, IntPtr*, int>)exports["nvrtcCompileProgram"])(program, options.Length, o);
            }

            var log = Read(program, "nvrtcGetProgramLogSize", "nvrtcGetProgramLog") is { } bytes
                ? System.Text.Encoding.UTF8.GetString(bytes).TrimEnd('\0', '\n', ' ')
                : "";
            return compiled != 0
                ? new NvrtcOutput(null, $"{Error(compiled)}\n{log}")
                : new NvrtcOutput(
                    target.Cubin ? Read(program, "nvrtcGetCUBINSize", "nvrtcGetCUBIN") : Read(program, "nvrtcGetPTXSize", "nvrtcGetPTX"),
                    log);
        }
        finally
        {
            if (program != IntPtr.Zero)
            {
                ((delegate* unmanaged<IntPtr*, int>)exports["nvrtcDestroyProgram"])(&program);
            }

            strings.ForEach(Marshal.FreeCoTaskMem);
        }
    }

    private byte[]? Read(IntPtr program, string sizeFunction, string readFunction)
    {
        nuint size;
        if (((delegate* unmanaged<IntPtr, nuint*, int>)exports[sizeFunction])(program, &size) != 0)
        {
            return null;
        }

        var bytes = new byte[checked((int)size)];
        fixed (byte* b = bytes)
        {
            return ((delegate* unmanaged<IntPtr, byte*, int>)exports[readFunction])(program, b) == 0 ? bytes : null;
        }
    }

    private string Error(int result) =>
        Marshal.PtrToStringUTF8(((delegate* unmanaged<int, IntPtr>)exports["nvrtcGetErrorString"])(result)) ?? $"NVRTC error {result}";
}

/// <summary>A compile's image (null when it failed) and NVRTC's log.</summary>
internal sealed record NvrtcOutput(byte[]? Image, string Log);
