using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>
/// y = φ(x·Wᵀ + b) as one autograd node: libtorch's addmm for z, the activation's generated span kernel over z, and in
/// backward ∂C/∂z = ∂C/∂y·φ′(z) in one kernel pass, then libtorch's matmuls for ∂C/∂x, ∂C/∂W and ∂C/∂b. It saves x and W
/// (as a linear layer must) and z only: where the activation's f′ is written in y, backward recomputes y from z.
/// The kernels run on the calling thread (one chunk: the main job's z is 64 × 64). First order only. Given a
/// <see cref="PreActivationGradient"/>, backward hands it ∂C/∂z, which it computes anyway.
/// </summary>
internal sealed class ActivationLinearFunction : autograd.SingleTensorFunction<ActivationLinearFunction>
{
    public override string Name => "ActGen.ActivationLinear";

    private const string DefinitionKey = "definition";
    private const string ParametersKey = "parameters";
    private const string PreActivationKey = "pre-activation";

    // The forward's own handles on y and z: apply wraps y in a new handle, and saves z only after forward returns.
    [ThreadStatic]
    private static (Tensor Y, Tensor Z)? forwardOwn;

    /// <summary>
    /// TorchSharp's <c>apply</c>, then the forward's own handles released (as <c>ActivationFunction.apply</c> does); the
    /// arguments are held to the end, since TorchSharp reads their handles after its last use of them.
    /// </summary>
    public static new Tensor apply(params object[] vars)
    {
        ReturnedGradients.Release();
        try
        {
            return autograd.SingleTensorFunction<ActivationLinearFunction>.apply(vars);
        }
        finally
        {
            forwardOwn?.Y.Dispose();
            forwardOwn?.Z.Dispose();
            forwardOwn = null;
            GC.KeepAlive(vars);
        }
    }

    /// <summary>
    /// vars: x [batch, in], W [out, in], b [out], the <see cref="ActivationDefinition"/>, its parameters (double[]), and a
    /// <see cref="PreActivationGradient"/> or null.
    /// </summary>
    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (x, weight, bias) = ((Tensor)vars[0], (Tensor)vars[1], (Tensor)vars[2]);
        var (definition, parameters) = ((ActivationDefinition)vars[3], (double[])vars[4]);
        // The scope holds every handle until the native calls that read them (and the spans over z and y) are done.
        using var scope = NewDisposeScope();
        var z = addmm(bias, x, weight.t(), 1, 1);
        var y = empty_like(z);
        Forward(definition, z, y, parameters);
        ctx.save_for_backward([x, weight, z]);
        ctx.save_data(DefinitionKey, definition);
        ctx.save_data(ParametersKey, parameters);
        ctx.save_data(PreActivationKey, vars[5]);
        scope.MoveToOuter(y, z);
        forwardOwn = (y, z);
        return y;
    }

    /// <summary>Never throws (see <c>ActivationFunction.backward</c>): a failure becomes gradients autograd refuses.</summary>
    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        try
        {
            return ReturnedGradients.Keep(Gradients(ctx, grad_output));
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"ActGen: the backward of {Name} failed, so autograd will report an invalid gradient: {e.Message}");
            return ReturnedGradients.Keep([RefusedGradient.Make(), RefusedGradient.Make(), RefusedGradient.Make(), null!, null!, null!]);
        }
    }

    private static List<Tensor> Gradients(autograd.AutogradContext ctx, Tensor grad_output)
    {
        using var scope = NewDisposeScope();
        var saved = ctx.get_saved_variables();
        var (x, weight, z) = (saved[0], saved[1], saved[2]);
        var definition = (ActivationDefinition)ctx.get_data(DefinitionKey);
        var parameters = (double[])ctx.get_data(ParametersKey);
        var gy = grad_output.contiguous();
        var gz = empty_like(z);
        var read = z;
        if (definition.BackwardFromOutput)
        {
            read = empty_like(z);
            Forward(definition, z, read, parameters);
        }

        Backward(definition, read, gy, gz, parameters);
        if (ctx.get_data(PreActivationKey) is PreActivationGradient measured) measured.Grad = scope.MoveToOuter(gz);
        // The matmuls libtorch's own linear backward runs for a contiguous x (addmm's mm_mat1/mm_mat2_backward).
        List<Tensor> gradients = [gz.mm(weight), gz.t().mm(x), gz.sum(dim: 0L)];
        scope.MoveToOuter(gradients);
        // TorchSharp made this handle for this call only and leaves it to the GC.
        grad_output.Dispose();
        return [.. gradients, null!, null!, null!];
    }

    private static void Forward(ActivationDefinition d, Tensor input, Tensor output, double[] parameters)
    {
        if (input.dtype == ScalarType.Float64) d.Double.Forward(Of<double>(input), Of<double>(output), parameters);
        else d.Single.Forward(Of<float>(input), Of<float>(output), parameters);
    }

    private static void Backward(ActivationDefinition d, Tensor input, Tensor gradOutput, Tensor gradInput, double[] parameters)
    {
        if (input.dtype == ScalarType.Float64) d.Double.Backward(Of<double>(input), Of<double>(gradOutput), Of<double>(gradInput), parameters);
        else d.Single.Backward(Of<float>(input), Of<float>(gradOutput), Of<float>(gradInput), parameters);
    }

    private static Span<T> Of<T>(Tensor t)
        where T : unmanaged => MemoryMarshal.Cast<byte, T>(t.bytes);
}
