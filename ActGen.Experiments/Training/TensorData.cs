using ActGen.Experiments.Data;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>A data set as tensors on a device: features (n × f, float32) and class labels (n, int64).</summary>
public sealed record TensorData(Tensor Features, Tensor Labels, int Count)
{
    public static TensorData From(Dataset data, Device device)
    {
        var labels = new long[data.Count];
        for (var i = 0; i < labels.Length; i++) labels[i] = data.Labels[i];
        // The host tensors are held until .to has read them (TorchSharp keeps no 'this' alive), then released.
        using var features = tensor(data.Features, [data.Count, data.FeatureCount]);
        using var classes = tensor(labels);
        return new TensorData(features.to(device), classes.to(device), data.Count);
    }
}
