using System.Globalization;
using ActGen.Tests.Torch;

namespace ActGen.Tests;

/// <summary>
/// The test assembly's entry point (in place of the test SDK's empty one): tests that need a fresh process start
/// <c>dotnet ActGen.Tests.dll COMMAND ...</c>; the test host itself never calls it.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => args switch
    {
        [ScalarLifetimeChild.Command, var calls, var seconds] => ScalarLifetimeChild.Run(calls, double.Parse(seconds, CultureInfo.InvariantCulture)),
        [TensorLifetimeChild.RaceCommand, var calls, var seconds] => TensorLifetimeChild.Race(calls, double.Parse(seconds, CultureInfo.InvariantCulture)),
        [TensorLifetimeChild.HandlesCommand, var calls] => TensorLifetimeChild.Handles(calls),
        _ => 0,
    };
}
