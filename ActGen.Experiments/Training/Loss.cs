using ActGen.Experiments.Cli;
using ActGen.Torch;
using static TorchSharp.torch;

namespace ActGen.Experiments.Training;

/// <summary>The loss and the predicted classes for each output head.</summary>
public static class Loss
{
    /// <summary>Output units: one per class for softmax, a single logit for sigmoid + BCE (two classes only).</summary>
    public static int Outputs(HeadKind head, int classes) => head == HeadKind.SigmoidBce ? 1 : classes;

    public static Tensor Compute(HeadKind head, Tensor logits, Tensor labels) =>
        head == HeadKind.SigmoidBce
            ? nn.functional.binary_cross_entropy_with_logits(logits.squeeze(1), labels.to_type(ScalarType.Float32))
            : nn.functional.cross_entropy(logits, labels);

    public static Tensor Predict(HeadKind head, Tensor logits) =>
        head == HeadKind.SigmoidBce ? logits.squeeze(1).gt(Scalars.Zero).to_type(ScalarType.Int64) : logits.argmax(1);
}
