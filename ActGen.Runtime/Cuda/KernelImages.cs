using System;
using System.Collections.Concurrent;

namespace ActGen.Cuda;

/// <summary>
/// Compiled kernel images by <see cref="KernelCacheKey"/>: in memory for the process, on disk across processes. An image
/// is compiled at most once per key in a process, and not at all where the disk already holds it.
/// </summary>
internal sealed class KernelImages(KernelDiskCache disk)
{
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> memory = new(StringComparer.Ordinal);

    public KernelDiskCache Disk => disk;

    /// <summary>
    /// The image for <paramref name="key"/>; <paramref name="compile"/> runs only when neither cache has it (and may throw).
    /// </summary>
    public byte[] Get(string key, Func<byte[]> compile)
    {
        var lazy = memory.GetOrAdd(key, k => new Lazy<byte[]>(() => disk.TryRead(k) ?? Stored(k, compile())));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed compile is not cached here: the caller caches its own outcome per activation and device.
            memory.TryRemove(new(key, lazy));
            throw;
        }
    }

    /// <summary>Drops an image the driver refused, from both caches.</summary>
    public void Forget(string key)
    {
        memory.TryRemove(key, out _);
        disk.Forget(key);
    }

    private byte[] Stored(string key, byte[] image)
    {
        disk.TryWrite(key, image);
        return image;
    }
}
