using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>
/// What a backward that failed hands autograd for each tensor input, since it must not throw (see
/// <c>ActivationFunction.backward</c>): an empty tensor on the meta device, which autograd refuses for any input that
/// needs a gradient, of whatever shape (one of only 1s reduces the empty gradient to its shape, but the device stays
/// wrong), so the caller's <c>backward()</c> raises "invalid gradient" instead of leaving a parameter without one.
/// </summary>
internal static class RefusedGradient
{
    private static readonly Device Meta = new(TorchSharp.DeviceType.META);

    public static Tensor Make() => empty(0, device: Meta);
}
