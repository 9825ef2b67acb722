using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Cuda;
using ActGen.Tests.Support;
using Xunit;

namespace ActGen.Tests.Cuda;

/// <summary>
/// The runtime's argument packing and kernel names against the kernels the generator actually writes: every
/// <c>extern "C"</c> signature of every registered activation's CUDA source (the catalog, the experiments' own, random
/// generated ones and one that mixes learnable, randomized and hyper-parameters) is parsed and compared, argument by
/// argument, with what <see cref="KernelArguments.Pack"/> builds. A generator change to the ABI fails here.
/// </summary>
public class KernelAbiTests
{
    private const string Mixed = """
        using System;
        using ActGen;
        namespace CudaAbi;
        public static partial class Acts
        {
            [Activation]
            public static double Mixed(
                double x, [Learnable(0.5)] double w, [Randomized(0.1, 0.3)] double r, double a = 1.5, double b = -2.0) =>
                x >= 0 ? w * x + a : r * x * b;

            [Activation]
            public static double Hyper2(double x, double a = 0.5, double b = 2.0) => a * Math.Tanh(b * x);
        }
        """;

    private static readonly Lazy<IReadOnlyList<ActivationDefinition>> Activations = new(() =>
    {
        ActivationRegistry.EnsureCatalog();
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(
            typeof(ActGen.Experiments.Activations.ExtraActivations).Module.ModuleHandle);
        foreach (var source in new[] { RandomActivations.Make("CudaAbiRandom", 6, "0N0XIzNsQ0O2").Source, Mixed })
        {
            var run = GeneratorHarness.Generate(source);
            Assert.Empty(run.GeneratorDiagnostics);
            System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(GeneratorHarness.Load(run).ManifestModule.ModuleHandle);
        }

        return ActivationRegistry.All
            .Where(d => d.Owner
                is "ActGen.Activations" or "ActGen.Experiments.Activations.ExtraActivations" or "CudaAbiRandom.Acts" or "CudaAbi.Acts")
            .ToList();
    });

    /// <summary>Each parameter of a generated kernel as (kind, name): kind "pointer", "long long" or "double".</summary>
    private static Dictionary<string, List<(string Kind, string Name)>> Kernels(string source) =>
        CudaKernelDeclaration.In(source).ToDictionary(
            k => k.Name,
            k => k.Parameters.Select(p =>
            {
                var kind = p.Type.EndsWith('*') ? "pointer" : p.Type is "long long" or "double" ? p.Type
                    : throw new InvalidOperationException($"unknown kernel parameter '{p}'");
                return (kind, p.Name);
            }).ToList());

    private static string Kind(KernelArgument a) => a switch
    {
        KernelArgument.Pointer => "pointer",
        KernelArgument.LongLong => "long long",
        KernelArgument.Real => "double",
        _ => "?",
    };

    /// <summary>Distinct made-up operands, so that a value in the wrong slot shows.</summary>
    private static KernelOperands Operands(ActivationDefinition d, KernelRole role) =>
        new(
            0x1000,
            role.ReadsGradOutput ? 0x2000 : null,
            0x3000,
            12345,
            d.Parameters.Where(p => p.Role != ParameterRole.Hyper)
                .Select((_, i) => new TensorOperand(0x4000 + (ulong)i * 0x100, new ParameterLayout(60 + i, 7 + i)))
                .ToArray(),
            d.Parameters.Where(p => p.Role == ParameterRole.Hyper).Select((_, i) => 0.25 + i).ToArray(),
            role.ReadsGradGrad ? 0x5000 : null);

    [Fact]
    public void EveryActivationsKernelsAreExactlyTheOnesTheRuntimeLaunches()
    {
        Assert.True(Activations.Value.Count >= CatalogNames.All.Length + 2 + 6 + 2);
        foreach (var d in Activations.Value)
        {
            var source = d.CudaSource ?? throw new InvalidOperationException($"{d.Name} has no CUDA source");
            var names = CudaKernelNames.Of(source);
            Assert.NotNull(names);
            Assert.Equal(KernelElement.All, names!.Elements);
            var launched = CudaKernelNames.Roles(d).SelectMany(r => KernelElement.All.Select(e => names.Name(r, e)));
            Assert.Equal(launched.Order(), Kernels(source).Keys.Order());
            Assert.Equal(Kernels(source).Keys.Order(), CudaKernelNames.All(source).Order());
        }
    }

    [Fact]
    public void PackedArgumentsMatchEveryGeneratedSignature()
    {
        var checkedKernels = 0;
        foreach (var d in Activations.Value)
        {
            var kernels = Kernels(d.CudaSource!);
            var names = CudaKernelNames.Of(d.CudaSource!)!;
            foreach (var role in CudaKernelNames.Roles(d))
            {
                var packed = KernelArguments.Pack(d.Parameters, role, Operands(d, role)).Select(a => (Kind(a), a.Name)).ToList();
                foreach (var element in KernelElement.All)
                {
                    Assert.True(
                        kernels[names.Name(role, element)].SequenceEqual(packed),
                        $"{d.Owner}.{d.Name} {names.Name(role, element)}: generated ({Show(kernels[names.Name(role, element)])}), "
                        + $"packed ({Show(packed)})");
                    checkedKernels++;
                }
            }
        }

        Assert.True(checkedKernels >= 4 * 3 * (CatalogNames.All.Length + 2 + 6 + 2), $"only {checkedKernels} kernels checked");
    }

    [Fact]
    public void ValuesGoToTheirSlotsInDeclarationOrder()
    {
        var mixed = Activations.Value.Single(d => d.Owner == "CudaAbi.Acts" && d.Name == "Mixed");
        var role = new KernelRole.Gradient(0);
        var packed = KernelArguments.Pack(mixed.Parameters, role, Operands(mixed, role));
        Assert.Equal(
            [
                0x1000, 0x2000, 0x3000, 12345, 0x4000, 60, 7, 0x4100, 61, 8,
                BitConverter.DoubleToInt64Bits(0.25), BitConverter.DoubleToInt64Bits(1.25),
            ],
            packed.Select(a => a.Bits));
        Assert.Equal(
            ["in", "gy", "out", "n", "p0", "p0_inner", "p0_channels", "p1", "p1_inner", "p1_channels", "p2", "p3"],
            packed.Select(a => a.Name));
    }

    /// <summary>The second order: one kernel per pair, named as the TorchScript program's functions, gg after gy.</summary>
    [Fact]
    public void SecondOrderKernelsAreOnePerPairAndTakeGgAfterGy()
    {
        var prelu = Activations.Value.Single(d => d.Owner == "ActGen.Activations" && d.Name == "PRelu");
        var names = CudaKernelNames.Of(prelu.CudaSource!)!;
        Assert.Equal(
            ["second_x_x", "second_x_0", "second_0_0"],
            CudaKernelNames.Roles(prelu).OfType<KernelRole.SecondOrder>().Select(r => r.Suffix));
        Assert.Equal("second_x_0", CudaKernelNames.Second(prelu, "weight", null)!.Suffix);
        Assert.Equal("second_x_0", CudaKernelNames.Second(prelu, null, "weight")!.Suffix);
        var sigmoid = Activations.Value.Single(d => d.Owner == "ActGen.Activations" && d.Name == "Sigmoid");
        Assert.Equal(["second_x_x"], CudaKernelNames.Roles(sigmoid).OfType<KernelRole.SecondOrder>().Select(r => r.Suffix));
        Assert.Null(CudaKernelNames.Second(sigmoid, null, "nothing"));

        var role = CudaKernelNames.Second(prelu, null, "weight")!;
        var packed = KernelArguments.Pack(prelu.Parameters, role, Operands(prelu, role));
        Assert.Equal(["in", "gy", "gg", "out", "n", "p0", "p0_inner", "p0_channels"], packed.Select(a => a.Name));
        Assert.Equal([0x1000, 0x2000, 0x5000, 0x3000, 12345, 0x4000, 60, 7], packed.Select(a => a.Bits));
        Assert.Contains(names.Name(role, KernelElement.Float64), CudaKernelNames.All(prelu.CudaSource!));
        Assert.Contains("gradient of the backward's result", Assert.Throws<ArgumentException>(() =>
            KernelArguments.Pack(prelu.Parameters, role, Operands(prelu, role) with { GradGrad = null })).Message);
        Assert.Contains("gradient of the backward's result", Assert.Throws<ArgumentException>(() =>
            KernelArguments.Pack(prelu.Parameters, new KernelRole.Gradient(0), Operands(prelu, role))).Message);
    }

    [Fact]
    public void WrongOperandsAreRefusedWithTheReason()
    {
        var mixed = Activations.Value.Single(d => d.Owner == "CudaAbi.Acts" && d.Name == "Mixed");
        var forward = new KernelRole.Forward();
        var good = Operands(mixed, forward);
        Assert.Contains("tensor parameter", Assert.Throws<ArgumentException>(() =>
            KernelArguments.Pack(mixed.Parameters, forward, good with { Tensors = good.Tensors[..1] })).Message);
        Assert.Contains("incoming gradient", Assert.Throws<ArgumentException>(() =>
            KernelArguments.Pack(mixed.Parameters, forward, good with { GradOutput = 0x2000 })).Message);
        Assert.Contains("incoming gradient", Assert.Throws<ArgumentException>(() =>
            KernelArguments.Pack(mixed.Parameters, new KernelRole.Backward(false), good)).Message);
    }

    [Fact]
    public void ArgumentBitsAreTheValuesThemselves()
    {
        Assert.Equal(unchecked((long)0xFFFF_0000_0000_0010UL), new KernelArgument.Pointer("p", 0xFFFF_0000_0000_0010UL).Bits);
        Assert.Equal(1L << 40, new KernelArgument.LongLong("n", 1L << 40).Bits);
        Assert.Equal(-0.7, BitConverter.Int64BitsToDouble(new KernelArgument.Real("a", -0.7).Bits));
        Assert.True(double.IsNaN(BitConverter.Int64BitsToDouble(new KernelArgument.Real("a", double.NaN).Bits)));
    }

    /// <summary>
    /// A parameter's layout against x, as broadcasting reads it: one value, one per element, one per channel of a run of
    /// x's dimensions (PReLU's weight along dimension 1, a trailing block), and null for shapes that need TorchScript.
    /// </summary>
    [Fact]
    public void ParameterLayoutsFollowBroadcasting()
    {
        Assert.Equal(ParameterLayout.One, ParameterLayout.Of([2, 3, 4, 5], []));
        Assert.Equal(ParameterLayout.One, ParameterLayout.Of([2, 3, 4, 5], [1]));
        Assert.Equal(ParameterLayout.One, ParameterLayout.Of([2, 3, 4, 5], [1, 1, 1, 1]));
        Assert.Equal(ParameterLayout.PerElement, ParameterLayout.Of([2, 3, 4, 5], [2, 3, 4, 5]));
        Assert.Equal(ParameterLayout.PerElement, ParameterLayout.Of([1, 3, 4, 5], [1, 3, 4, 5]));
        Assert.Equal(ParameterLayout.PerElement, ParameterLayout.Of([1, 3, 4, 5], [3, 4, 5]));
        Assert.Equal(new ParameterLayout(20, 3), ParameterLayout.Of([2, 3, 4, 5], [1, 3, 1, 1]));
        Assert.Equal(new ParameterLayout(20, 3), ParameterLayout.Of([2, 3, 4, 5], [3, 1, 1]));
        Assert.Equal(new ParameterLayout(1, 3), ParameterLayout.Of([7, 3], [1, 3]));
        Assert.Equal(new ParameterLayout(1, 3), ParameterLayout.Of([7, 3], [3]));
        Assert.Equal(new ParameterLayout(1, 60), ParameterLayout.Of([2, 3, 4, 5], [3, 4, 5]));
        Assert.Equal(new ParameterLayout(5, 12), ParameterLayout.Of([2, 3, 4, 5], [3, 4, 1]));
        Assert.Null(ParameterLayout.Of([2, 3, 4, 5], [3, 1, 5]));  // two runs
        Assert.Null(ParameterLayout.Of([2, 3, 4, 5], [3]));        // would broadcast along the last dimension: a mismatch
        Assert.Null(ParameterLayout.Of([2, 3], [1, 2, 3]));        // would add a dimension to the output
        Assert.Null(ParameterLayout.Of([2, 3], [2, 1, 3]));
    }

    /// <summary>Element i reads the parameter's value at <see cref="ParameterLayout.Slot"/>: the one torch's broadcasting gives it.</summary>
    [Fact]
    public void EachElementReadsTheValueBroadcastingGivesIt()
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        foreach (var (x, shape) in new (long[], long[])[]
        {
            ([2, 3, 4, 5], [1, 3, 1, 1]), ([2, 3, 4, 5], [3, 4, 1]), ([2, 3, 4, 5], [3, 4, 5]), ([7, 3], [3]),
            ([2, 3, 4, 5], [2, 3, 4, 5]), ([2, 3, 4, 5], [1]), ([6, 1, 5], [6, 1, 1]),
        })
        {
            var count = shape.Aggregate(1L, (a, b) => a * b);
            var p = TorchSharp.torch.arange(count, dtype: TorchSharp.torch.ScalarType.Int64).reshape(shape);
            var broadcast = p.expand(x).contiguous().flatten().data<long>().ToArray();
            var layout = ParameterLayout.Of(x, shape)!;
            Assert.Equal(broadcast, Enumerable.Range(0, broadcast.Length).Select(i => layout.Slot(i)));
        }
    }

    private static string Show(IEnumerable<(string Kind, string Name)> arguments) =>
        string.Join(", ", arguments.Select(a => $"{a.Kind} {a.Name}"));
}
