using System.Collections.Generic;
using static TorchSharp.torch;

namespace ActGen.Benchmarks;

/// <summary>
/// The floor of any TorchSharp custom autograd function: forward saves its input and allocates its output, backward
/// allocates the gradient, and neither computes anything. Its per-call time is TorchSharp's own overhead for the
/// mechanism actgen uses (reported beside actgen's overhead at tiny n).
/// </summary>
public sealed class NoOpFunction : autograd.SingleTensorFunction<NoOpFunction>
{
    public const string ImplName = "custom-function-floor";

    public override string Name => "ActGen.Bench.NoOp";

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var x = (Tensor)vars[0];
        ctx.save_for_backward([x]);
        return empty_like(x);
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output) =>
        [empty_like(ctx.get_saved_variables()[0])];

    public static Impl Impl { get; } = new(ImplName, x => apply(x), []);
}
