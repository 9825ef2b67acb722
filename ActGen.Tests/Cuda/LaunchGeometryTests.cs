using System;
using ActGen.Cuda;
using Xunit;

namespace ActGen.Tests.Cuda;

/// <summary>Grid and block sizes: one thread per 16-byte vector, 256 threads a block, capped at 32 blocks per SM, at least one.</summary>
public class LaunchGeometryTests
{
    [Theory]
    [InlineData(0L, 4, 132, 1u)]
    [InlineData(1L, 4, 132, 1u)]
    [InlineData(1024L, 4, 132, 1u)] // 256 float4 vectors: one block
    [InlineData(1025L, 4, 132, 2u)] // one more vector, for the tail
    [InlineData(512L, 8, 132, 1u)] // 256 double2 vectors
    [InlineData(513L, 8, 132, 2u)]
    [InlineData(2048L, 2, 132, 1u)] // 256 vectors of eight halves
    [InlineData(2049L, 2, 132, 2u)]
    [InlineData(1L << 20, 4, 132, 1024u)]
    [InlineData(1L << 26, 4, 132, 132u * 32)] // capped: the grid-stride loop does the rest
    [InlineData(1L << 26, 4, 0, 32u)] // an unknown SM count counts as one
    public void GridCoversTheVectorsUpToTheCap(long n, int elementBytes, int sms, uint grid)
    {
        var geometry = LaunchGeometry.For(n, elementBytes, sms);
        Assert.Equal(new LaunchGeometry(grid, 256), geometry);
    }

    [Theory]
    [InlineData(1L << 40)]
    [InlineData((1L << 40) + 3)]
    [InlineData(long.MaxValue)]
    public void HugeCountsNeitherOverflowNorExceedTheCap(long n)
    {
        foreach (var (bytes, sms) in new[] { (4, 132), (8, 132), (2, 132), (4, 1), (8, int.MaxValue / 64), (4, int.MaxValue), (2, int.MaxValue) })
        {
            var geometry = LaunchGeometry.For(n, bytes, sms);
            Assert.InRange(geometry.Grid, 1u, (uint)Math.Min(int.MaxValue, (long)sms * 32));
            Assert.Equal(256u, geometry.Block);
        }
    }

    /// <summary>Below the cap every vector has its own thread: grid · block · lanes ≥ n, and one block fewer would not do.</summary>
    [Fact]
    public void BelowTheCapTheGridIsTheSmallestThatCoversEveryVector()
    {
        foreach (var n in new long[] { 3, 255, 256, 257, 4095, 4096, 4097, 1_000_003 })
        {
            foreach (var (bytes, lanes) in new[] { (2, 8L), (4, 4L), (8, 2L) })
            {
                var grid = LaunchGeometry.For(n, bytes, 1 << 20).Grid;
                Assert.True(grid * 256L * lanes >= n, $"n = {n}, {bytes} bytes: grid {grid} too small");
                Assert.True(grid == 1 || (grid - 1) * 256L * lanes < n, $"n = {n}, {bytes} bytes: grid {grid} too large");
            }
        }
    }

    [Fact]
    public void BadArgumentsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LaunchGeometry.For(-1, 4, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LaunchGeometry.For(1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LaunchGeometry.For(1, 16, 1));
    }
}
