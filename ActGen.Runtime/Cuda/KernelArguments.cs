using System;
using System.Collections.Generic;
using System.Linq;

namespace ActGen.Cuda;

/// <summary>
/// Packs a launch's operands against the generated kernel ABI: <c>(in[, gy[, gg]], out, n, then per parameter in declaration
/// order: a hyper-parameter as a double, a tensor parameter as a pointer, its inner size and its channel count)</c>
/// (see <see cref="ParameterLayout"/>).
/// </summary>
internal static class KernelArguments
{
    public static IReadOnlyList<KernelArgument> Pack(IReadOnlyList<ActivationParameter> parameters, KernelRole role, KernelOperands o)
    {
        var tensorCount = parameters.Count(p => p.Role != ParameterRole.Hyper);
        if (o.Tensors.Length != tensorCount || o.Hyper.Length != parameters.Count - tensorCount)
        {
            throw new ArgumentException(
                $"the kernel takes {tensorCount} tensor parameter(s) and {parameters.Count - tensorCount} hyper-parameter(s); "
                + $"got {o.Tensors.Length} and {o.Hyper.Length}",
                nameof(o));
        }

        if (role.ReadsGradOutput != o.GradOutput.HasValue)
        {
            throw new ArgumentException(
                $"the {role.Suffix} kernel {(role.ReadsGradOutput ? "needs" : "takes no")} incoming gradient", nameof(o));
        }

        if (role.ReadsGradGrad != o.GradGrad.HasValue)
        {
            throw new ArgumentException(
                $"the {role.Suffix} kernel {(role.ReadsGradGrad ? "needs" : "takes no")} gradient of the backward's result", nameof(o));
        }

        var (nextTensor, nextHyper) = (0, 0);
        var arguments = new List<KernelArgument> { new KernelArgument.Pointer("in", o.Input) };
        if (o.GradOutput is { } gy)
        {
            arguments.Add(new KernelArgument.Pointer("gy", gy));
        }

        if (o.GradGrad is { } gg)
        {
            arguments.Add(new KernelArgument.Pointer("gg", gg));
        }

        arguments.Add(new KernelArgument.Pointer("out", o.Output));
        arguments.Add(new KernelArgument.LongLong("n", o.Count));
        foreach (var (p, k) in parameters.Select((p, k) => (p, k)))
        {
            if (p.Role == ParameterRole.Hyper)
            {
                arguments.Add(new KernelArgument.Real($"p{k}", o.Hyper[nextHyper++]));
            }
            else
            {
                var t = o.Tensors[nextTensor++];
                arguments.Add(new KernelArgument.Pointer($"p{k}", t.Address));
                arguments.Add(new KernelArgument.LongLong($"p{k}_inner", t.Layout.Inner));
                arguments.Add(new KernelArgument.LongLong($"p{k}_channels", t.Layout.Channels));
            }
        }

        return arguments;
    }
}
