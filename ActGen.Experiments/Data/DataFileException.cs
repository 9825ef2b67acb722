using System;

namespace ActGen.Experiments.Data;

/// <summary>A data file the user must supply is missing or malformed; the message says which file and how to fix it.</summary>
public sealed class DataFileException(string message) : Exception(message);
