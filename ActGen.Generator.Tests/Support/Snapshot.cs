using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace ActGen.Tests.Support;

/// <summary>
/// Compares text with a checked-in snapshot next to the test (<c>Snapshots/{name}.verified.{ext}</c>, LF).
/// A mismatch writes <c>{name}.received.{ext}</c> beside it and fails with the diff; accept a change by
/// renaming received to verified. Set ACTGEN_ACCEPT_SNAPSHOTS=1 to accept every change at once.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name, string extension = "txt", [CallerFilePath] string caller = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(caller)!, "..", "Snapshots");
        var verified = Path.Combine(directory, $"{name}.verified.{extension}");
        var received = Path.Combine(directory, $"{name}.received.{extension}");
        actual = actual.Replace("\r\n", "\n");
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (System.Environment.GetEnvironmentVariable("ACTGEN_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Equal(expected ?? $"(no snapshot yet: review {received} and rename it to {Path.GetFileName(verified)})", actual);
    }
}
