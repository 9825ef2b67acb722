using System;
using System.Text;

namespace ActGen.Experiments.Results;

/// <summary>
/// One of <see cref="Count"/> shares of a sweep (<see cref="Index"/> from 0): a run belongs to the shard its id
/// hashes to (FNV-1a, the same in every process and on every machine), so shards of one command split its runs
/// without talking to each other.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public bool Owns(RunKey key) => (int)(Hash(key.Id) % (ulong)Count) == Index;

    public override string ToString() => $"{Index}/{Count}";

    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }
}
