using System;
using System.IO;

namespace ActGen.Tests.Native;

/// <summary>A fresh directory under the system's temporary directory, deleted on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("actgen-native-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
