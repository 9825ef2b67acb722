using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ActGen.Cuda;
using Xunit;

namespace ActGen.Tests.Cuda;

/// <summary>The compiled-kernel caches: the key, the folder, the atomic store, and "compile once, then read from disk".</summary>
public class KernelCacheTests
{
    private static readonly CompileTarget Sm90 = new(90, true);
    private static readonly NvrtcVersion V13 = new(13, 0);

    [Fact]
    public void TheKeyChangesWithTheSourceTheArchitectureTheVersionAndTheOutputKind()
    {
        var key = KernelCacheKey.Of("src", Sm90, V13);
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.Equal(key, KernelCacheKey.Of("src", new CompileTarget(90, true), new NvrtcVersion(13, 0)));
        var others = new[]
        {
            KernelCacheKey.Of("src ", Sm90, V13),
            KernelCacheKey.Of("src", new CompileTarget(89, true), V13),
            KernelCacheKey.Of("src", Sm90, new NvrtcVersion(13, 1)),
            KernelCacheKey.Of("src", Sm90, new NvrtcVersion(12, 8)),
            KernelCacheKey.Of("src", new CompileTarget(90, false), V13),
        };
        Assert.DoesNotContain(key, others);
        Assert.Equal(others.Length, others.Distinct().Count());
    }

    [Fact]
    public void TheFolderIsTheSettingElseXdgElseHome()
    {
        Func<string, string?> Env(params (string Name, string Value)[] values) =>
            name => values.FirstOrDefault(v => v.Name == name).Value;
        Assert.Equal("/x/k", KernelDiskCache.FromEnvironment(Env(("ACTGEN_CUDA_CACHE", "/x/k"), ("XDG_CACHE_HOME", "/xdg"))).Directory);
        Assert.Equal(
            Path.Combine("/xdg", "actgen", "kernels"),
            KernelDiskCache.FromEnvironment(Env(("XDG_CACHE_HOME", "/xdg"), ("HOME", "/h"))).Directory);
        Assert.Equal(
            Path.Combine("/h", ".cache", "actgen", "kernels"),
            KernelDiskCache.FromEnvironment(Env(("HOME", "/h"), ("ACTGEN_CUDA_CACHE", ""))).Directory);
    }

    [Fact]
    public void AStoredImageReadsBackAndLeavesNoTemporaryFile()
    {
        using var folder = new TempFolder();
        var cache = new KernelDiskCache(Path.Combine(folder.Path, "kernels"));
        var key = KernelCacheKey.Of("src", Sm90, V13);
        Assert.Null(cache.TryRead(key));
        Assert.True(cache.TryWrite(key, [7, 8, 9]));
        Assert.True(cache.TryWrite(key, [7, 8, 9, 10]));
        Assert.Equal([7, 8, 9, 10], cache.TryRead(key));
        Assert.Equal([key + ".bin"], Directory.GetFiles(cache.Directory).Select(Path.GetFileName));
        cache.Forget(key);
        Assert.Null(cache.TryRead(key));
    }

    [Fact]
    public void AFolderThatCannotBeWrittenOnlyCostsACompile()
    {
        using var folder = new TempFolder();
        var file = folder.File("not-a-folder");
        var cache = new KernelDiskCache(Path.Combine(file, "kernels"));
        Assert.False(cache.TryWrite("k", [1]));
        Assert.Null(cache.TryRead("k"));
        var compiles = 0;
        Assert.Equal([1], new KernelImages(cache).Get("k", () => [(byte)++compiles]));
        Assert.Equal(1, compiles);
    }

    [Fact]
    public void AnImageIsCompiledOncePerProcessAndNotAtAllWhenTheDiskHasIt()
    {
        using var folder = new TempFolder();
        var disk = new KernelDiskCache(folder.Path);
        var compiles = new List<string>();
        byte[] Compile(string what)
        {
            compiles.Add(what);
            return [.. System.Text.Encoding.UTF8.GetBytes(what)];
        }

        var first = new KernelImages(disk);
        Assert.Equal("a"u8.ToArray(), first.Get("ka", () => Compile("a")));
        Assert.Equal("a"u8.ToArray(), first.Get("ka", () => Compile("a again")));
        Assert.Equal(["a"], compiles);

        var nextProcess = new KernelImages(disk);
        Assert.Equal("a"u8.ToArray(), nextProcess.Get("ka", () => Compile("a in the next process")));
        Assert.Equal(["a"], compiles);

        nextProcess.Forget("ka");
        Assert.Equal("b"u8.ToArray(), nextProcess.Get("ka", () => Compile("b")));
        Assert.Equal(["a", "b"], compiles);
    }

    [Fact]
    public void AFailedCompileIsNotCachedAndItsExceptionNamesTheActivationWithNvrtcsLog()
    {
        using var folder = new TempFolder();
        var images = new KernelImages(new KernelDiskCache(folder.Path));
        var error = Assert.Throws<CudaCompileException>(() =>
            images.Get("k", () => throw new CudaCompileException(
                "My.Acts.Broken", "--gpu-architecture=sm_90", "kernel.cu(3): error: identifier \"q\" is undefined")));
        Assert.Contains("My.Acts.Broken", error.Message);
        Assert.Contains("identifier \"q\" is undefined", error.Message);
        Assert.Equal([5], images.Get("k", () => [5]));
        Assert.Equal([5], new KernelDiskCache(folder.Path).TryRead("k"));
    }
}
