using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ActGen.Generator.Tests.Generator;

/// <summary>The generator's tests build and run without libtorch: its natives are not even beside the test assembly.</summary>
public class NoLibTorchTests
{
    [Fact]
    public void LibTorchIsNotCopiedHere() =>
        Assert.Empty(Directory.EnumerateFiles(AppContext.BaseDirectory, "libtorch*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "torch_cpu*", SearchOption.AllDirectories)));
}
