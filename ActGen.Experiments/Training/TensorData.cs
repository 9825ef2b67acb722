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
        return new TensorData(
            tensor(data.Features, [data.Count, data.FeatureCount]).to(device),
            tensor(labels).to(device),
            data.Count);
    }
}
