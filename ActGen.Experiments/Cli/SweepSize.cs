using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ActGen.Experiments.Cli;

/// <summary>
/// What a sweep would need, estimated before anything runs, so that a typo such as <c>--width 1000000</c> is refused
/// with the numbers instead of ending in an out-of-memory kill an hour later.
/// </summary>
public static class SweepSize
{
    /// <summary>The most values one <c>--depths</c> or <c>--seeds</c> list may name.</summary>
    public const int MaxListValues = 10_000;

    /// <summary>
    /// The largest network's memory in bytes: float32 weights, their gradients and the optimiser's state (Adam keeps
    /// two moments, RMSprop one), and the activations of a batch kept for the backward pass (about four tensors per layer).
    /// </summary>
    public static double LargestRunBytes(int inputs, int outputs, int maxDepth, int width, int batch, OptimizerKind optimizer)
    {
        var copies = 2 + optimizer switch { OptimizerKind.Adam => 2, OptimizerKind.Rmsprop => 1, _ => 0 };
        return 4.0 * (copies * Weights(inputs, outputs, maxDepth, width) + 4.0 * batch * (double)width * (maxDepth + 1));
    }

    /// <summary>
    /// Dense weights of a network of <paramref name="depth"/> hidden layers of <paramref name="width"/>, as a double
    /// (it may not fit a long).
    /// </summary>
    public static double Weights(int inputs, int outputs, int depth, int width) =>
        (double)inputs * width + Math.Max(0, depth - 1) * (double)width * width + (double)width * outputs;

    /// <summary>Memory one sweep process may plan for: half of what the runtime sees as available.</summary>
    public static double Budget() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2.0;

    /// <summary>The refusal, or null when the largest run fits <paramref name="budget"/>.</summary>
    public static string? Problem(int inputs, int outputs, IReadOnlyList<int> depths, int width, int batch, OptimizerKind optimizer, double budget)
    {
        if (depths.Count == 0) return null;
        var depth = depths.Max();
        var bytes = LargestRunBytes(inputs, outputs, depth, width, batch, optimizer);
        if (bytes <= budget) return null;
        var weights = Weights(inputs, outputs, depth, width);
        return Inv($"--depths, --width: the largest network ({depth} hidden layers of {width} units) holds {weights:0.##e+0} weights ") +
               Inv($"and would need about {Bytes(bytes)} with its gradients, optimiser state and a batch of {batch}; ") +
               Inv($"this process can plan for {Bytes(budget)}. ") +
               "Lower --width or --depths.";
    }

    /// <summary>"12.3 GiB".</summary>
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        var unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1) { bytes /= 1024; unit++; }
        return Inv($"{bytes:0.#} {units[unit]}");
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
