using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using ActGen.Native;
using TorchSharp;
using Xunit;

namespace ActGen.Tests.Native;

/// <summary>The fix on the real <c>libLibTorchSharp.so</c>, and where the build and the run-time loader put it.</summary>
[SupportedOSPlatform("linux")]
public class LibTorchSharpFixTests
{
    /// <summary>The unpatched library as restored in the NuGet cache.</summary>
    private static string Original =>
        Path.Combine(
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
                ? packages
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "torchsharp",
            typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0],
            "runtimes", "linux-x64", "native", LibTorchSharpFix.FileName);

    [Fact]
    public void MarksOnlyTheFlagsOfGlibcxx3432InTheRealLibrary()
    {
        var original = File.ReadAllBytes(Original);

        var patched = Assert.IsType<ElfPatch.Patched>(ElfVersionNeedPatcher.MarkWeak(original, LibTorchSharpFix.MissingVersion));

        Assert.Equal([patched.FlagsOffset], ElfVersionNeedPatcherTests.ChangedOffsets(original, patched.Bytes));
        Assert.Equal(original[patched.FlagsOffset] | ElfVersionNeedPatcher.VerFlagWeak, patched.Bytes[patched.FlagsOffset]);
        Assert.Equal(new ElfPatch.AlreadyWeak(patched.FlagsOffset), ElfVersionNeedPatcher.MarkWeak(patched.Bytes, LibTorchSharpFix.MissingVersion));
    }

    [Fact]
    public void TheBuildPutTheLibraryTorchSharpLoadsInPlaceBeforeAnyRunTimeFix()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var loaded = File.ReadAllBytes(Assert.IsType<string>(TorchNativeLoader.Locate()));
        var original = File.ReadAllBytes(Original);

        // The module initializer looked at the file before anything here could change it.
        Assert.Contains(TorchSetup.Outcome, new[] { NativeFix.NotNeeded, NativeFix.AlreadyLoadable });
        Assert.Equal(
            LibTorchSharpFix.HostNeedsFix()
                ? Assert.IsType<ElfPatch.Patched>(ElfVersionNeedPatcher.MarkWeak(original, LibTorchSharpFix.MissingVersion)).Bytes
                : original,
            loaded);
    }

    [Fact]
    public void PrepareRewritesTheLibraryInPlaceOnceThenLeavesItAlone()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, LibTorchSharpFix.FileName);
        File.Copy(Original, path);
        var mode = File.GetUnixFileMode(path);

        Assert.Equal(NativeFix.PatchedInPlace, TorchNativeLoader.Prepare(path));
        var written = File.GetLastWriteTimeUtc(path);
        Assert.Equal(NativeFix.AlreadyLoadable, TorchNativeLoader.Prepare(path));

        Assert.IsType<ElfPatch.AlreadyWeak>(LibTorchSharpFix.Patch(path));
        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Equal([LibTorchSharpFix.FileName], Directory.GetFiles(directory.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void PrepareExplainsWhatItCannotFix()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, LibTorchSharpFix.FileName);
        File.WriteAllText(path, "not a library");

        var error = Assert.Throws<TorchSetupException>(() => TorchNativeLoader.Prepare(path));

        Assert.Contains(LibTorchSharpFix.MissingVersion, error.Message);
        Assert.Contains(path, error.Message);
        Assert.Contains("not an ELF file", error.Message);
    }
}
