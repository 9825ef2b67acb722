using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;

namespace ActGen.Experiments.Data;

/// <summary>
/// Reads IDX files (the MNIST format): a big-endian magic number <c>0x000008DD</c>
/// (unsigned bytes, DD dimensions), DD big-endian int32 sizes, then the bytes.
/// </summary>
public static class Idx
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    /// <summary>The dimensions and raw bytes of an IDX file whose magic must be <paramref name="expectedMagic"/>.</summary>
    public static (int[] Dimensions, byte[] Data) Read(string path, int expectedMagic)
    {
        if (!File.Exists(path))
            throw new DataFileException($"{path}: file not found. {Mnist.FetchHint}");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 4)
            throw Corrupt(path, $"only {bytes.Length} bytes, too short for an IDX header");
        var magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (magic != expectedMagic)
            throw Corrupt(path, $"magic number 0x{magic:X8}, expected 0x{expectedMagic:X8}");
        var rank = expectedMagic & 0xFF;
        var headerLength = 4 + 4 * rank;
        if (bytes.Length < headerLength)
            throw Corrupt(path, $"{bytes.Length} bytes, too short for a {rank}-dimensional IDX header");
        var dims = Enumerable.Range(0, rank)
            .Select(i => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * i)))
            .ToArray();
        if (dims.Any(d => d <= 0))
            throw Corrupt(path, $"non-positive dimension in [{string.Join(", ", dims)}]");
        var expected = headerLength + dims.Aggregate(1L, (p, d) => p * d);
        if (bytes.Length != expected)
            throw Corrupt(path, $"{bytes.Length} bytes, expected {expected} for dimensions [{string.Join(", ", dims)}]");
        return (dims, bytes.AsSpan(headerLength).ToArray());
    }

    /// <summary>Images as floats in [0, 1], one row per image, with the image count and pixels per image.</summary>
    public static (float[] Pixels, int Count, int PixelsPerImage) ReadImages(string path)
    {
        var (dims, data) = Read(path, ImagesMagic);
        var pixels = new float[data.Length];
        for (var i = 0; i < data.Length; i++) pixels[i] = data[i] / 255f;
        return (pixels, dims[0], dims[1] * dims[2]);
    }

    /// <summary>Labels, each checked to be a digit class below <paramref name="classCount"/>.</summary>
    public static int[] ReadLabels(string path, int classCount)
    {
        var (_, data) = Read(path, LabelsMagic);
        var labels = new int[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] >= classCount) throw Corrupt(path, $"label {data[i]} at index {i} is not below {classCount}");
            labels[i] = data[i];
        }
        return labels;
    }

    private static DataFileException Corrupt(string path, string what) =>
        new($"{path}: not a valid IDX file ({what}). {Mnist.FetchHint}");
}
