using System;
using System.IO;
using System.Text;
using ActGen.Native;
using Xunit;

namespace ActGen.Tests.Native;

public class LibStdCxxTests
{
    private static readonly byte[] Strings = Encoding.ASCII.GetBytes("\0libstdc++.so.6\0GLIBCXX_3.4.3\0GLIBCXX_3.4.30\0CXXABI_1.3.13\0");

    [Theory]
    [InlineData("GLIBCXX_3.4.3", true)]
    [InlineData("GLIBCXX_3.4.30", true)]
    [InlineData("GLIBCXX_3.4.32", false)]
    [InlineData("GLIBCXX_3.4", false)] // only whole strings count
    [InlineData("CXXABI_1.3.1", false)]
    public void DefinesMatchesWholeVersionStrings(string version, bool defined) =>
        Assert.Equal(defined, LibStdCxx.Defines(Strings, version));

    [Fact]
    public void LocatesTheLibStdCxxThisProcessUses()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var path = Assert.IsType<string>(LibStdCxx.Locate());

        Assert.True(File.Exists(path));
        Assert.StartsWith("libstdc++.so.6", Path.GetFileName(path));
        Assert.True(LibStdCxx.Defines(path, "GLIBCXX_3.4"));
        Assert.Equal(!LibStdCxx.Defines(path, LibTorchSharpFix.MissingVersion), LibTorchSharpFix.HostNeedsFix());
    }
}
