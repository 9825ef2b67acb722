using System;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Training;

namespace ActGen.Experiments;

public static class Program
{
    public static int Main(string[] args) =>
        CommandLine.Run(args, ActivationCatalog.Names(), SweepRunner.FromRegistry.Run, Console.Out, Console.Error);
}
