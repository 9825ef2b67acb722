using System.Linq;
using ActGen.Experiments.Training;
using Xunit;
using static TorchSharp.torch;

namespace ActGen.Tests.Experiments;

/// <summary>Training batches as Keras and TensorFlow draw them: every row once per epoch, in an order the seed fixes.</summary>
public class EpochBatchesTests
{
    private static long[][] Draw(ulong seed, int batches)
    {
        ActGen.TorchSetup.EnsureLoaded();
        using var source = new EpochBatches(10, 3, new TorchSharp.torch.Generator(seed));
        return Enumerable.Range(0, batches).Select(_ => source.Next().data<long>().ToArray()).ToArray();
    }

    [Fact]
    public void EachEpochTakesEveryRowOnceAndDropsThePartialBatch()
    {
        var batches = Draw(7, 6);
        foreach (var epoch in batches.Chunk(3))
        {
            var rows = epoch.SelectMany(b => b).ToArray();
            Assert.Equal(9, rows.Length);
            Assert.Equal(rows.Length, rows.Distinct().Count());
            Assert.All(rows, r => Assert.InRange(r, 0, 9));
        }

        Assert.NotEqual(batches[0], batches[3]);
    }

    [Fact]
    public void TheSeedFixesTheOrder()
    {
        Assert.Equal(Draw(3, 4), Draw(3, 4));
        Assert.NotEqual(Draw(3, 4), Draw(4, 4));
    }
}
