using System;
using System.IO;
using ActGen.Native;

namespace ActGen.Cuda;

/// <summary>
/// Compiled kernel images on disk, one file per <see cref="KernelCacheKey"/>, written to a temporary file and renamed so
/// that a reader never sees half a file. Best effort: a folder that cannot be read or written only costs a compile.
/// </summary>
internal sealed record KernelDiskCache(string Directory)
{
    public const string Variable = "ACTGEN_CUDA_CACHE";

    /// <summary><c>$ACTGEN_CUDA_CACHE</c>, else <c>$XDG_CACHE_HOME/actgen/kernels</c>, else <c>~/.cache/actgen/kernels</c>.</summary>
    public static KernelDiskCache FromEnvironment(Func<string, string?> environment) =>
        new(environment(Variable) is { Length: > 0 } explicitly ? explicitly : UserCacheDirectory.Of("kernels", environment));

    private string PathOf(string key) => Path.Combine(Directory, key + ".bin");

    public byte[]? TryRead(string key)
    {
        try
        {
            return File.Exists(PathOf(key)) ? File.ReadAllBytes(PathOf(key)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="image"/>; true if it is now on disk.</summary>
    public bool TryWrite(string key, byte[] image)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            LibTorchSharpFix.WriteAtomically(PathOf(key), image, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Removes an image the driver refused (a damaged file), so the next load compiles again.</summary>
    public void Forget(string key)
    {
        try
        {
            File.Delete(PathOf(key));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing to do: the next process compiles again anyway.
        }
    }
}
