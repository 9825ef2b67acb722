using System;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Training;

namespace ActGen.Experiments;

public static class Program
{
    public static int Main(string[] args)
    {
        if (UserAssemblies.Load(UserAssemblies.Paths(args)) is { } problem)
        {
            Console.Error.WriteLine($"actgen: {problem}");
            return 2;
        }

        return CommandLine.Run(args, ActivationCatalog.Names(), SweepRunner.FromRegistry.Run, Console.Out, Console.Error);
    }
}
