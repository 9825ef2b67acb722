using System;
using ActGen.Experiments.Cli;

namespace ActGen.Experiments;

public static class Program
{
    public static int Main(string[] args) =>
        CommandLine.Run(args, CatalogNames.Builtin, PlanOnly, Console.Out, Console.Error);

    // Until training is wired in (it needs TorchSharp), a sweep prints its plan and says so.
    private static int PlanOnly(SweepOptions options, System.IO.TextWriter output, System.IO.TextWriter error)
    {
        output.WriteLine($"preset {options.Preset}: {options.RunCount} runs into {options.Out}");
        error.WriteLine("actgen sweep: training is not wired in yet (needs TorchSharp); nothing was run.");
        return 3;
    }
}
