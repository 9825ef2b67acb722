using System;
using System.IO;

namespace ActGen.Tests.Cuda;

/// <summary>A fresh folder under the system's temp folder, removed on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "actgen-cuda-" + Guid.NewGuid().ToString("N")[..10]);

    public TempFolder() => Directory.CreateDirectory(Path);

    /// <summary>Writes <paramref name="bytes"/> (or a few placeholder bytes) at a path relative to the folder.</summary>
    public string File(string relative, byte[]? bytes = null)
    {
        var path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, bytes ?? [1, 2, 3]);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
