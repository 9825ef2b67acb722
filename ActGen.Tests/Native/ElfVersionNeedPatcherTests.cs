using System;
using System.Linq;
using ActGen.Native;
using CsCheck;
using Xunit;

namespace ActGen.Tests.Native;

public class ElfVersionNeedPatcherTests
{
    private const string Missing = "GLIBCXX_3.4.32";

    private static readonly SyntheticElf Library = new(
        ("libstdc++.so.6", ["GLIBCXX_3.4.21", Missing, "CXXABI_1.3"]),
        ("libc.so.6", ["GLIBC_2.2.5", "GLIBC_2.14"]));

    [Fact]
    public void SetsTheWeakFlagOnExactlyTheNamedEntry()
    {
        var original = Library.Bytes();

        var patched = Assert.IsType<ElfPatch.Patched>(ElfVersionNeedPatcher.MarkWeak(original, Missing));

        Assert.Equal(Library.FlagsOffset(Missing), patched.FlagsOffset);
        Assert.Equal([Library.FlagsOffset(Missing)], ChangedOffsets(original, patched.Bytes));
        Assert.Equal(ElfVersionNeedPatcher.VerFlagWeak, patched.Bytes[patched.FlagsOffset]);
    }

    [Fact]
    public void FindsVersionsOfEveryNeededFile()
    {
        var patched = Assert.IsType<ElfPatch.Patched>(ElfVersionNeedPatcher.MarkWeak(Library.Bytes(), "GLIBC_2.14"));

        Assert.Equal(Library.FlagsOffset("GLIBC_2.14"), patched.FlagsOffset);
    }

    [Fact]
    public void IsIdempotent()
    {
        var once = Assert.IsType<ElfPatch.Patched>(ElfVersionNeedPatcher.MarkWeak(Library.Bytes(), Missing));

        var twice = ElfVersionNeedPatcher.MarkWeak(once.Bytes, Missing);

        Assert.Equal(new ElfPatch.AlreadyWeak(once.FlagsOffset), twice);
    }

    [Fact]
    public void LeavesTheInputUntouched()
    {
        var original = Library.Bytes();

        ElfVersionNeedPatcher.MarkWeak(original, Missing);

        Assert.Equal(Library.Bytes(), original);
    }

    [Theory]
    [InlineData("GLIBCXX_3.4.3")] // a prefix of a needed name is another name
    [InlineData("GLIBCXX_3.4.321")]
    [InlineData("libstdc++.so.6")] // a file name, not a version
    public void ReportsAVersionThatIsNotNeeded(string version) =>
        Assert.IsType<ElfPatch.NotRequired>(ElfVersionNeedPatcher.MarkWeak(Library.Bytes(), version));

    [Fact]
    public void ReportsAnObjectWithoutVersionNeeds() =>
        Assert.IsType<ElfPatch.NotRequired>(ElfVersionNeedPatcher.MarkWeak(Library.Bytes(versionSectionType: 1), Missing));

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "not an ELF file")]
    [InlineData(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 1, 1, 1 }, "not an ELF file")] // shorter than a header
    public void RefusesWhatIsNotElf(byte[] bytes, string reason) =>
        Assert.Equal(new ElfPatch.Unpatchable(reason), ElfVersionNeedPatcher.MarkWeak(bytes, Missing));

    [Fact]
    public void RefusesA32BitObject()
    {
        var elf = Library.Bytes();
        elf[4] = 1; // ELFCLASS32

        Assert.Equal(new ElfPatch.Unpatchable("not a 64-bit little-endian ELF file"), ElfVersionNeedPatcher.MarkWeak(elf, Missing));
    }

    [Fact]
    public void RefusesATruncatedObject()
    {
        var truncated = Library.Bytes()[..^64]; // without the last section header

        Assert.StartsWith("truncated", Assert.IsType<ElfPatch.Unpatchable>(ElfVersionNeedPatcher.MarkWeak(truncated, Missing)).Reason);
    }

    [Fact]
    public void NeverThrowsOnCorruptedBytes() =>
        Gen.Int[0, Library.Bytes().Length - 1].Select(Gen.Byte).Array[1, 8]
            .Sample(corruptions =>
            {
                var elf = Library.Bytes();
                foreach (var (at, value) in corruptions)
                {
                    elf[at] = value;
                }

                var patch = ElfVersionNeedPatcher.MarkWeak(elf, Missing);
                return patch is not ElfPatch.Patched patched || ChangedOffsets(elf, patched.Bytes).Length == 1;
            });

    internal static int[] ChangedOffsets(byte[] before, byte[] after)
    {
        Assert.Equal(before.Length, after.Length);
        return Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
    }
}
