using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Cuda;

namespace ActGen.Experiments.Kernels;

/// <summary>What the device check ran on, and one result per activation, then the draw's.</summary>
internal sealed record CudaDeviceReport(string Device, IReadOnlyList<(ActivationDefinition Definition, KernelCheckResult Result)> Activations, KernelCheckResult Draw, int Launches)
{
    public int Matching => Activations.Count(a => a.Result.Matches);

    public bool Matches => Matching == Activations.Count && Draw.Matches;
}

/// <summary>
/// The host check's comparisons (<see cref="KernelCheck"/>, <see cref="DrawCheck"/>) on a real GPU through ActGen's own
/// runtime: NVRTC and the driver as the runtime finds them, each activation compiled (or read from the disk cache) and
/// loaded as for CUDA tensors, each kernel resolved, packed and launched by the runtime's code. What it adds to the host
/// check: the native ABI of NVRTC and the driver, the device's compiler and floating point, the launch geometry. Every
/// launch synchronises, so a fault names its kernel.
/// </summary>
internal static class CudaDeviceCheck
{
    /// <summary>
    /// A length at which the runtime's grid (at most 32 blocks of 256 threads per SM) makes every thread of a large GPU go
    /// round the grid-stride loop several times (about 4 on 132 SMs), odd so that the vector loop leaves a tail.
    /// </summary>
    public const int LargeLength = (1 << 24) + 3;

    /// <param name="largeLength">The length of the float forward and backward run once more per activation (<see cref="LargeLength"/>).</param>
    /// <exception cref="InvalidOperationException">
    /// The device could not be opened, a buffer allocated or copied (<see cref="CudaDriverException"/>), or a kernel launched.
    /// </exception>
    public static Probe<CudaDeviceReport> Run(
        CudaRuntime runtime, int ordinal, IReadOnlyList<ActivationDefinition> activations, int largeLength = LargeLength)
    {
        var device = runtime.Device(ordinal);
        return CudaDeviceMemory.Open(runtime.Driver, device).Then(memory =>
        {
            var results = activations.Select(d => (Definition: d, Checked: Check(runtime, memory, ordinal, d, largeLength))).ToList();
            var draw = Draw(runtime, memory, ordinal);
            var name = $"GPU {ordinal}: {memory.DeviceName()}, sm_{device.Architecture}, {device.Multiprocessors} SMs; "
                + $"NVRTC {runtime.Nvrtc.Version} ({runtime.Nvrtc.Library}); driver {runtime.Driver.Library}";
            return new Probe<CudaDeviceReport>.Found(new CudaDeviceReport(
                name, results.Select(r => (r.Definition, r.Checked.Result)).ToList(), draw, results.Sum(r => r.Checked.Launches)));
        });
    }

    private static (KernelCheckResult Result, int Launches) Check(
        CudaRuntime runtime, CudaDeviceMemory memory, int ordinal, ActivationDefinition d, int largeLength)
    {
        if (d.CudaSource is not { } source || CudaKernelNames.Of(source) is not { } names)
        {
            return (new KernelCheckResult(d.Name, ["no generated CUDA source (built by an older ActGen?)"]), 0);
        }

        switch (runtime.Module(d, ordinal))
        {
            case Probe<CudaModule>.Found found:
                var launcher = new DeviceKernelLauncher(runtime.Driver, memory, found.Value, d, names);
                var result = KernelCheck.Check(d, launcher.Run);
                var large = Large(d, launcher.Run, largeLength);
                return (result with { Failures = [.. result.Failures, .. large] }, launcher.Launches);
            case Probe<CudaModule>.Missing missing:
                return (new KernelCheckResult(d.Name, [$"not loaded: {missing.Why}"]), 0);
            default:
                throw new InvalidOperationException("unknown probe");
        }
    }

    /// <summary>The float forward and backward over <paramref name="n"/> inputs spread over [−12, 12], at the defaults.</summary>
    private static IReadOnlyList<string> Large(ActivationDefinition d, KernelRun run, int n)
    {
        var failures = new List<string>();
        var precision = Precision.Single;
        var x = precision.Round(Enumerable.Range(0, n).Select(i => -12 + 24.0 * ((i * 0.6180339887498949) % 1)).ToArray());
        var gy = Enumerable.Range(0, n).Select(i => 0.5 + i % 7 * 0.25).ToArray();
        var parameters = precision.Parameters(d, d.Defaults);
        var y = precision.Forward(d, x, parameters);
        var label = $"at n = {n}";
        KernelComparison.Compare(failures, $"forward_f32 {label}", run("forward_f32", precision, x, null, ParameterLayout.One, 0), y, precision, x);
        var (name, source) = d.BackwardFromOutput ? ("backward_from_output", y) : ("backward", x);
        KernelComparison.Compare(
            failures, $"{name}_f32 {label}", run($"{name}_f32", precision, source, gy, ParameterLayout.One, 0),
            precision.Backward(d, source, gy, parameters), precision, x);
        return failures;
    }

    private static unsafe KernelCheckResult Draw(CudaRuntime runtime, CudaDeviceMemory memory, int ordinal) =>
        runtime.Uniform(ordinal) switch
        {
            Probe<CounterUniformModule>.Found found => DrawCheck.Run((element, values, n, seed, lower, upper) =>
            {
                var bytes = new Span<byte>((void*)values, checked((int)(n * element.Bytes)));
                var address = memory.Upload(new byte[bytes.Length]);
                try
                {
                    found.Value.Fill(runtime.Driver, address, n, element, seed, lower, upper);
                    memory.Download(address, bytes);
                }
                finally
                {
                    memory.Free(address);
                }
            }),
            Probe<CounterUniformModule>.Missing missing => new KernelCheckResult(DrawCheck.Name, [$"not loaded: {missing.Why}"]),
            _ => throw new InvalidOperationException("unknown probe"),
        };
}
