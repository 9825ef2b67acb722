using System.IO;

namespace ActGen.Experiments.Cli;

/// <summary>Runs a validated sweep; returns the process exit code.</summary>
public delegate int SweepAction(SweepOptions options, TextWriter output, TextWriter error);
