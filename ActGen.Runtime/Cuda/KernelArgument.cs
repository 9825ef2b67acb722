using System;

namespace ActGen.Cuda;

/// <summary>
/// One argument of a kernel launch, as the generated ABI declares it. Each is 8 bytes (a device pointer, a
/// <c>long long</c>, a <c>double</c>), which is what <see cref="Bits"/> hands to <c>cuLaunchKernel</c>.
/// </summary>
internal abstract record KernelArgument(string Name)
{
    public sealed record Pointer(string Name, ulong Address) : KernelArgument(Name);

    public sealed record LongLong(string Name, long Value) : KernelArgument(Name);

    public sealed record Real(string Name, double Value) : KernelArgument(Name);

    /// <summary>The argument's 8 bytes.</summary>
    public long Bits => this switch
    {
        Pointer p => unchecked((long)p.Address),
        LongLong l => l.Value,
        Real r => BitConverter.DoubleToInt64Bits(r.Value),
        _ => throw new InvalidOperationException($"unknown kernel argument {this}"),
    };
}

/// <summary>A tensor parameter's device pointer and which of its values each element reads.</summary>
internal sealed record TensorOperand(ulong Address, ParameterLayout Layout);

/// <summary>
/// What one launch reads and writes: device pointers of the input, the incoming gradient (kernels other than the forward)
/// and the output, the element count, the tensor parameters and the hyper-parameters, each in declaration order, and
/// the gradient of the backward's result (second-order kernels only).
/// </summary>
internal sealed record KernelOperands(
    ulong Input,
    ulong? GradOutput,
    ulong Output,
    long Count,
    TensorOperand[] Tensors,
    double[] Hyper,
    ulong? GradGrad = null);
