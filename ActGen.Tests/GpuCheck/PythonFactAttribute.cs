using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ActGen.Tests.GpuCheck;

/// <summary>
/// A test that needs <c>python3</c> (the standard library only): skipped, with the reason in the test output, where
/// PATH has none (CI's fresh machine has only the .NET SDK).
/// </summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (Python3 is null)
        {
            Skip = "python3 is not on PATH: tools/gpu-check's self-test and py_compile were not run";
        }
    }

    /// <summary>The full path of python3 on PATH, or null.</summary>
    public static string? Python3 { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, "python3"))
        .FirstOrDefault(File.Exists);
}
