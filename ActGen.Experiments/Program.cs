using System;
using System.Linq;
using ActGen.Experiments.Cli;
using ActGen.Experiments.Training;

namespace ActGen.Experiments;

public static class Program
{
    // TorchSharp's built-in modules stand in for the ActGen registry until it lands.
    public static int Main(string[] args) =>
        CommandLine.Run(args, BuiltinModules.ByName.Keys.ToArray(),
            new SweepRunner(name => BuiltinModules.ByName[name]).Run, Console.Out, Console.Error);
}
