using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace ActGen.Torch;

/// <summary>
/// The gradients a custom function's backward hands to libtorch's autograd engine. TorchSharp 0.107 passes their
/// handles back and drops the managed tensors; the engine copies each handle only after backward has returned
/// (<c>CSharpNode::apply</c>). Nothing then holds those tensors: the finalizer could free one before the copy, and
/// with no dispose scope open only the finalizer releases them (and their memory). So each thread keeps the last
/// ones it returned and releases them at its next forward or backward, by when the engine, which copies on the same
/// thread straight after backward returns, has taken its own.
/// </summary>
internal static class ReturnedGradients
{
    [ThreadStatic]
    private static List<Tensor>? kept;

    /// <summary>Releases what this thread returned before, and keeps <paramref name="gradients"/> in its place.</summary>
    public static List<Tensor> Keep(List<Tensor> gradients)
    {
        Release();
        kept = gradients.Where(g => g is not null).ToList();
        return gradients;
    }

    /// <summary>Releases the gradients this thread's last backward returned (the engine holds its own copies).</summary>
    public static void Release()
    {
        var previous = kept;
        kept = null;
        previous?.ForEach(g => g.Dispose());
    }
}
