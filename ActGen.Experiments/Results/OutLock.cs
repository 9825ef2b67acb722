using System;
using System.IO;

namespace ActGen.Experiments.Results;

/// <summary>
/// Keeps two sweeps from writing one <c>--out</c> at once. A whole sweep (and <c>actgen report</c>) holds
/// <c>.lock</c> exclusively; a shard holds it shared — shards write disjoint runs — plus its own
/// <c>.lock-shard-K-of-N</c> exclusively. The locks are the operating system's (flock on Unix), so a killed
/// process releases them: a stale lock file never blocks.
/// </summary>
public sealed class OutLock : IDisposable
{
    private readonly FileStream[] _held;

    private OutLock(FileStream[] held) => _held = held;

    public void Dispose()
    {
        foreach (var stream in _held) stream.Dispose();
    }

    /// <summary>The lock for a whole sweep (<paramref name="shard"/> null) or one shard, or the one-line reason it is taken.</summary>
    public static (OutLock? Lock, string? Problem) Acquire(string outDir, Shard? shard, string what = "sweep")
    {
        var main = Open(Path.Combine(outDir, ".lock"), exclusive: shard is null);
        if (main is null)
            return (null, $"--out {outDir}: another {(shard is null ? "sweep or shard" : "whole sweep or report")} is writing this folder " +
                          "(it holds .lock); wait for it to finish or give another --out.");
        if (shard is null) return (new OutLock([main]), null);
        var own = Open(Path.Combine(outDir, $".lock-shard-{shard.Index}-of-{shard.Count}"), exclusive: true);
        if (own is null)
        {
            main.Dispose();
            return (null, $"--out {outDir}: shard {shard} is already running into this folder; give each process its own --shard.");
        }
        return (new OutLock([main, own]), null);
    }

    private static FileStream? Open(string path, bool exclusive)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, exclusive ? FileShare.None : FileShare.ReadWrite);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
