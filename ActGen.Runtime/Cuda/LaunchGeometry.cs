using System;

namespace ActGen.Cuda;

/// <summary>
/// Grid and block of a launch of a generated kernel (a grid-stride loop, so any grid covers every element): 256 threads
/// a block, one thread per 16-byte vector, at most 32 blocks per multiprocessor (8 resident blocks of 256 threads,
/// 4 waves), and never more than CUDA's 2^31 − 1; every thread loops beyond that.
/// </summary>
internal sealed record LaunchGeometry(uint Grid, uint Block)
{
    public const uint Threads = 256;

    public const long BlocksPerMultiprocessor = 32;

    /// <param name="count">Elements, up to <see cref="long.MaxValue"/>.</param>
    /// <param name="elementBytes">2 (float16, bfloat16), 4 (float) or 8 (double).</param>
    /// <param name="multiprocessors">The device's SM count (values below 1 count as 1).</param>
    public static LaunchGeometry For(long count, int elementBytes, int multiprocessors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (elementBytes is not (2 or 4 or 8))
        {
            throw new ArgumentOutOfRangeException(nameof(elementBytes), elementBytes, "a 16-bit float (2), a float (4) or a double (8)");
        }

        var lanes = 16 / elementBytes;
        var vectors = count == 0 ? 0 : (count - 1) / lanes + 1;
        var blocks = vectors == 0 ? 0 : (vectors - 1) / Threads + 1;
        var cap = Math.Min(int.MaxValue, Math.Max(1, multiprocessors) * BlocksPerMultiprocessor); // CUDA's grid limit: 2^31 − 1
        return new LaunchGeometry((uint)Math.Clamp(blocks, 1, cap), Threads);
    }
}
