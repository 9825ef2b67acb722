using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace ActGen.Cuda;

/// <summary>A native library opened by path or soname, with the exports a binding needs, or why it cannot be used.</summary>
internal sealed record NativeExports(string Library, IntPtr Handle, IReadOnlyDictionary<string, IntPtr> Functions)
{
    /// <summary>
    /// Opens <paramref name="library"/> and resolves every name in <paramref name="required"/> (and those of
    /// <paramref name="optional"/> it has). A file that is not a loadable library, or lacks an export, is refused with
    /// the reason and released again; nothing here throws for a bad file.
    /// </summary>
    public static Probe<NativeExports> Open(string library, IReadOnlyList<string> required, IReadOnlyList<string>? optional = null)
    {
        IntPtr handle;
        try
        {
            handle = NativeLibrary.Load(library);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or ArgumentException)
        {
            return Probe<NativeExports>.No($"{library} does not load ({FirstLine(e.Message)})");
        }

        var functions = required.Concat(optional ?? [])
            .Select(name => (name, found: NativeLibrary.TryGetExport(handle, name, out var address), address))
            .Where(f => f.found)
            .ToDictionary(f => f.name, f => f.address);
        var missing = required.Where(name => !functions.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            NativeLibrary.Free(handle);
            return Probe<NativeExports>.No($"{library} lacks {string.Join(", ", missing)}");
        }

        return new Probe<NativeExports>.Found(new NativeExports(library, handle, functions));
    }

    public IntPtr this[string name] => Functions[name];

    public IntPtr Optional(string name) => Functions.TryGetValue(name, out var address) ? address : IntPtr.Zero;

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
