using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using TorchSharp;

namespace ActGen.Native;

/// <summary>
/// Applies <see cref="LibTorchSharpFix"/> at run time, before TorchSharp's first load. TorchSharp first calls
/// <c>NativeLibrary.TryLoad("LibTorchSharp", typeof(torch).Assembly, null)</c>, which takes the first
/// <c>libLibTorchSharp.so</c> in the app's native search directories (from its deps.json), then next to TorchSharp.dll;
/// only if that fails does it copy the NuGet cache's unpatched natives into <c>cpu/</c> and retry from there.
/// So the fix goes to that first file, in place; where it cannot be rewritten (read-only, or inside the NuGet cache)
/// a fixed copy in the user's cache directory is loaded ahead of TorchSharp, whose load then binds to it by soname.
/// </summary>
internal static class TorchNativeLoader
{
    /// <summary>Makes TorchSharp's native bridge loadable if this host needs it.</summary>
    /// <exception cref="TorchSetupException">The library cannot be patched, rewritten or replaced.</exception>
    public static NativeFix Prepare() =>
        OperatingSystem.IsLinux() && LibTorchSharpFix.HostNeedsFix() ? Prepare(Locate()) : NativeFix.NotNeeded;

    /// <summary>Makes the library at <paramref name="path"/> (the one TorchSharp will load) loadable on this host, which needs the fix.</summary>
    [SupportedOSPlatform("linux")]
    internal static NativeFix Prepare(string? path)
    {
        if (path is null)
        {
            return NativeFix.LibraryNotFound;
        }

        return LibTorchSharpFix.Patch(path) switch
        {
            ElfPatch.Patched patched => Apply(path, patched.Bytes),
            ElfPatch.Unpatchable unpatchable => throw new TorchSetupException(
                $"This host's libstdc++ lacks {LibTorchSharpFix.MissingVersion}, which TorchSharp's native library requires, " +
                $"and ActGen cannot mark that requirement weak in {path}: {unpatchable.Reason}. Install a libstdc++ from GCC 13 or later."),
            _ => NativeFix.AlreadyLoadable,
        };
    }

    /// <summary>The <c>libLibTorchSharp.so</c> that TorchSharp's first load picks, or null.</summary>
    public static string? Locate() =>
        (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.GetDirectoryName(typeof(torch).Assembly.Location))
            .OfType<string>()
            .Select(directory => Path.Combine(directory, LibTorchSharpFix.FileName))
            .FirstOrDefault(File.Exists);

    [SupportedOSPlatform("linux")]
    private static NativeFix Apply(string path, byte[] patched)
    {
        Exception? inPlace = null;
        if (!InsideNuGetPackage(path))
        {
            try
            {
                LibTorchSharpFix.WriteAtomically(path, patched, File.GetUnixFileMode(path));
                return NativeFix.PatchedInPlace;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                inPlace = e;
            }
        }

        var copy = Path.Combine(CacheDirectory(), Convert.ToHexString(SHA256.HashData(patched))[..16], LibTorchSharpFix.FileName);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            LibTorchSharpFix.WriteAtomically(copy, patched, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            // The copy's dependencies sit next to the original: load them from there first (libtorch.so pulls in
            // libtorch_cpu.so and libc10.so), so that the loader finds them by soname.
            NativeLibrary.Load("torch", typeof(torch).Assembly, null);
            NativeLibrary.Load(copy);
            return NativeFix.PatchedCopyPreloaded;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or BadImageFormatException)
        {
            throw new TorchSetupException(
                $"This host's libstdc++ lacks {LibTorchSharpFix.MissingVersion}, which {path} requires. ActGen could not " +
                (inPlace is null ? "rewrite it (it lies in the NuGet package cache)" : $"rewrite it ({inPlace.Message})") +
                $" nor load a fixed copy from {copy} ({e.Message}). Make {Path.GetDirectoryName(path)} writable and run " +
                "again, or install a libstdc++ from GCC 13 or later.",
                e);
        }
    }

    private static bool InsideNuGetPackage(string path)
    {
        for (var directory = Path.GetDirectoryName(path); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, ".nupkg.metadata")))
            {
                return true;
            }
        }

        return false;
    }

    private static string CacheDirectory() => UserCacheDirectory.Of("native");
}
