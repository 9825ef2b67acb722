using System;
using System.Buffers.Binary;
using System.Linq;
using System.Text;

namespace ActGen.Tests.Native;

/// <summary>
/// A minimal ELF64 little-endian shared object for patcher tests: header, string table, a <c>.gnu.version_r</c>
/// section (one <c>Verneed</c> per needed file, one <c>Vernaux</c> with flags 0 per version) and three section headers.
/// </summary>
internal sealed record SyntheticElf(params (string File, string[] Versions)[] Needs)
{
    public const uint ShtGnuVerneed = 0x6ffffffe;
    private const int StringsAt = 64;

    private string[] Names => Needs.SelectMany(need => need.Versions.Prepend(need.File)).Distinct().ToArray();

    private byte[] Strings => Encoding.ASCII.GetBytes("\0" + string.Concat(Names.Select(name => name + "\0")));

    private int VerneedAt => Align(StringsAt + Strings.Length);

    private int VerneedSize => Needs.Sum(need => 16 * (1 + need.Versions.Length));

    /// <summary>File offset of the <c>vna_flags</c> of <paramref name="version"/>'s <c>Vernaux</c>.</summary>
    public int FlagsOffset(string version)
    {
        var at = VerneedAt;
        foreach (var (_, versions) in Needs)
        {
            if (Array.IndexOf(versions, version) is var j and >= 0)
            {
                return at + 16 * (1 + j) + 4;
            }

            at += 16 * (1 + versions.Length);
        }

        throw new ArgumentException($"{version} is not needed", nameof(version));
    }

    public byte[] Bytes(uint versionSectionType = ShtGnuVerneed)
    {
        var headersAt = Align(VerneedAt + VerneedSize);
        var elf = new byte[headersAt + 3 * 64];
        "\u007fELF\u0002\u0001\u0001"u8.CopyTo(elf); // ELFCLASS64, ELFDATA2LSB, EV_CURRENT
        Put16(elf, 0x10, 3); // ET_DYN
        Put16(elf, 0x12, 62); // EM_X86_64
        Put64(elf, 0x28, (ulong)headersAt);
        Put16(elf, 0x34, 64);
        Put16(elf, 0x3a, 64);
        Put16(elf, 0x3c, 3);
        Strings.CopyTo(elf, StringsAt);

        var at = VerneedAt;
        for (var i = 0; i < Needs.Length; i++)
        {
            var (file, versions) = Needs[i];
            var size = 16 * (1 + versions.Length);
            Put16(elf, at, 1);
            Put16(elf, at + 2, (ushort)versions.Length);
            Put32(elf, at + 4, NameOffset(file));
            Put32(elf, at + 8, 16);
            Put32(elf, at + 12, i + 1 < Needs.Length ? (uint)size : 0);
            for (var j = 0; j < versions.Length; j++)
            {
                var aux = at + 16 * (1 + j);
                Put32(elf, aux, (uint)versions[j].GetHashCode());
                Put16(elf, aux + 6, (ushort)(2 + j));
                Put32(elf, aux + 8, NameOffset(versions[j]));
                Put32(elf, aux + 12, j + 1 < versions.Length ? 16u : 0);
            }

            at += size;
        }

        SectionHeader(elf, headersAt + 64, 3, StringsAt, Strings.Length, link: 0, info: 0); // SHT_STRTAB
        SectionHeader(elf, headersAt + 128, versionSectionType, VerneedAt, VerneedSize, link: 1, info: (uint)Needs.Length);
        return elf;
    }

    private uint NameOffset(string name) => (uint)(1 + Names.TakeWhile(other => other != name).Sum(other => other.Length + 1));

    private static void SectionHeader(byte[] elf, int at, uint type, int offset, int size, uint link, uint info)
    {
        Put32(elf, at + 4, type);
        Put64(elf, at + 0x18, (ulong)offset);
        Put64(elf, at + 0x20, (ulong)size);
        Put32(elf, at + 0x28, link);
        Put32(elf, at + 0x2c, info);
    }

    private static int Align(int offset) => (offset + 7) & ~7;

    private static void Put16(byte[] elf, int at, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(at), value);

    private static void Put32(byte[] elf, int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(at), value);

    private static void Put64(byte[] elf, int at, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(at), value);
}
