using System.IO;
using System.Runtime.CompilerServices;

namespace ActGen.Tests.Support;

/// <summary>Files of the repository, found from this source file's own path (shared by both test projects).</summary>
internal static class Repository
{
    public static string File(string relative) => Path.GetFullPath(Path.Combine(Root(), relative));

    private static string Root([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "..", "..");
}
